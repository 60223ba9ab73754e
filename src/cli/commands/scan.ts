import { readFile } from 'node:fs/promises';
import { PkimmError } from '../../core/errors.js';
import type { Inventory, RatingSuggestion } from '../../core/scan/scan.types.js';
import { knownIssuersFromScope } from '../../core/scan/scope-issuers.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import { pathSource } from '../../scanner/path-source.js';
import { runScan } from '../../scanner/run-scan.js';
import type { ScanSource } from '../../scanner/source.js';
import { parseCsvMapping } from '../../scanner/sources/csv-inventory.js';
import { tlsSource } from '../../scanner/sources/tls.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';
import { scanProgressBar } from '../render/scan-progress.js';

export interface ScanCommandOptions {
  tls?: string[];
  tlsFile?: string;
  concurrency?: string;
  timeout?: string;
  csvPreset?: string;
  csvMap?: string;
  csvIssuer?: string;
  pkcs12Password?: string[];
  knownIssuer?: string[];
  scope?: string;
  automatedIssuer?: string[];
  at?: string;
  format?: string;
}

/** `pkimm scan PATH... [--tls HOST:PORT...]`: the inventory, its indicators and suggested ratings. */
export async function scanCommand(context: CliContext, paths: string[], options: ScanCommandOptions) {
  const format = parseFormat(options.format);
  const now = scanTime(options.at);
  const targets = [
    ...(options.tls ?? []),
    ...(options.tlsFile ? await targetsFromFile(options.tlsFile) : []),
  ];
  if (paths.length === 0 && targets.length === 0)
    throw new PkimmError('USAGE', 'give at least one PATH or --tls HOST:PORT to scan');
  const preset = options.csvPreset ?? 'generic';
  if (preset !== 'generic' && preset !== 'adcs')
    throw new PkimmError('USAGE', `--csv-preset must be generic or adcs (got "${preset}")`);
  const sources: ScanSource[] = [];
  if (paths.length > 0) {
    sources.push(
      pathSource(paths, {
        csv: {
          preset,
          ...(options.csvMap ? { mapping: parseCsvMapping(options.csvMap) } : {}),
          ...(options.csvIssuer ? { issuer: options.csvIssuer } : {}),
        },
        ...(options.pkcs12Password ? { pkcs12Passwords: options.pkcs12Password } : {}),
      }),
    );
  }
  if (targets.length > 0) {
    const tls = tlsSource(targets, {
      concurrency: positive(options.concurrency ?? '8', '--concurrency'),
      timeoutMs: positive(options.timeout ?? '5000', '--timeout'),
    });
    sources.push({ ...tls, events: () => tls.events(), countInputs: async () => targets.length });
  }
  const knownIssuers = [
    ...(options.knownIssuer ?? []),
    ...(options.scope
      ? knownIssuersFromScope((await readAssessmentFile(options.scope, context.registry)).assessment.scope)
      : []),
  ];
  const bar = context.io.progress ? scanProgressBar(context.io.progress) : undefined;
  const result = await (async () => {
    try {
      return await runScan(sources, {
        now,
        ...(knownIssuers.length > 0 ? { knownIssuers } : {}),
        ...(options.automatedIssuer ? { automatedIssuers: options.automatedIssuer } : {}),
        ...(bar ? { onProgress: bar.update } : {}),
      });
    } finally {
      bar?.stop();
    }
  })();
  if (format === 'json')
    return printJson(context.io.stdout, { ...result.inventory, suggestions: result.suggestions });
  context.io.stdout(renderScan(result.inventory, result.suggestions));
}

function scanTime(at: string | undefined): string {
  if (at === undefined) return new Date().toISOString();
  const time = Date.parse(at);
  if (Number.isNaN(time))
    throw new PkimmError('USAGE', `--at must be an ISO date or date-time (got "${at}")`);
  return new Date(time).toISOString();
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new PkimmError('USAGE', `${name} must be a whole number above 0 (got "${value}")`);
  return n;
}

async function targetsFromFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', `cannot read the TLS target list: ${(error as Error).message}`, {
      source: file,
    });
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

function renderScan(inventory: Inventory, suggestions: RatingSuggestion[]): string {
  const s = inventory.summary;
  const lines = [
    `Scanned ${inventory.inputs.length} input(s) at ${inventory.scannedAt}`,
    `  certificates ${s.certificates}, unique ${s.unique}, issuers ${s.issuers}`,
    `  expired ${s.expired}, expiring within 30 days ${s.expiringWithin30Days}`,
    `  weak keys ${s.weakKeys}, SHA-1 signatures ${s.sha1Signatures}, skipped ${s.skipped}`,
    '',
  ];
  if (inventory.findings.length > 0) {
    lines.push('Findings:');
    for (const finding of inventory.findings)
      lines.push(`  ${finding.kind}  ${finding.location}: ${finding.message}`);
    lines.push('');
  }
  if (inventory.skipped.length > 0) {
    lines.push('Skipped:');
    for (const item of inventory.skipped) lines.push(`  ${item.location}: ${item.reason}`);
    lines.push('');
  }
  let text = lines.join('\n');
  if (suggestions.length > 0) {
    text +=
      'Suggested ratings (an assessor accepts, changes or rejects each):\n' +
      renderTable(
        ['requirement', 'level', 'rule'],
        suggestions.map((x) => [x.requirement, String(x.level), x.rule]),
        new Set([1]),
      );
    for (const x of suggestions) text += `\n${x.requirement} (${x.level}): ${x.reasoning.join(' ')}`;
    text += '\n';
  }
  return text;
}
