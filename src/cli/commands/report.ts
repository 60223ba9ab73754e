/**
 * `pkimm report TYPE FILE --out OUT`: one of the four reports of an assessment file (our
 * format or the official export) as PDF or HTML, offline. Registration is light; the report
 * code (pdfmake, ECharts) loads only when the command runs.
 */
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { CrosswalkView } from '../../core/crosswalk/crosswalk-view.js';
import { PkimmError } from '../../core/errors.js';
import type { CliContext } from '../context.js';

export interface ReportOptions {
  out: string;
  format?: string;
  lang?: string;
  previous?: string;
  attestation?: string;
  crosswalk?: string[];
  crosswalks?: string;
}

export function registerReportCommand(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('write a report of an assessment file as PDF or HTML (works offline)')
    .argument('<type>', 'self, assessment, detailed or attestation')
    .argument('<file>', 'an assessment file: our format or the official export')
    .requiredOption('--out <file>', 'the file to write (- writes HTML to stdout)')
    .option('--format <format>', 'pdf or html (default: from the --out extension, else pdf)')
    .option('--lang <lang>', 'en or de', 'en')
    .option('--previous <file>', 'an earlier assessment file to compare with (detailed report)')
    .option('--attestation <file>', 'the signed attestation (JWS) whose id and digest the report quotes')
    .option(
      '--crosswalk <id>',
      'a crosswalk pack to include in the detailed report (repeatable; see pkimm crosswalk list)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--crosswalks <dir>', 'a directory of your own crosswalk packs (default: $PKIMM_CROSSWALKS_DIR)')
    .action(async (type: string, file: string, options: ReportOptions) =>
      reportCommand(context, type, file, options),
    );
}

export async function reportCommand(
  context: CliContext,
  typeArgument: string,
  file: string,
  options: ReportOptions,
): Promise<void> {
  const { parseReportFormat, parseReportLanguage, parseReportType } =
    await import('../../reports/options.js');
  const type = parseReportType(typeArgument);
  const format = parseReportFormat(
    options.format ?? (options.out.toLowerCase().endsWith('.html') ? 'html' : 'pdf'),
  );
  const language = parseReportLanguage(options.lang ?? 'en');
  if (options.out === '-' && format === 'pdf')
    throw new PkimmError(
      'USAGE',
      '--out - (stdout) works with --format html only; give a file name for a PDF',
    );

  const { readAssessmentFile } = await import('../../assessment-io/read-assessment.js');
  const { scoredReportInput } = await import('../../reports/report-input.js');
  const { generateReport } = await import('../../reports/generate.js');
  const { reportActionPlans } = await import('../../reports/plans-input.js');
  const { assessment, model } = await readAssessmentFile(file, context.registry);
  const previous = options.previous
    ? await readAssessmentFile(options.previous, context.registry)
    : undefined;
  const attestation = options.attestation
    ? await readAttestation(options.attestation, assessment.id)
    : undefined;

  const packIds = options.crosswalk ?? [];
  if (packIds.length > 0 && type !== 'detailed')
    throw new PkimmError('USAGE', '--crosswalk goes with the detailed report only');
  let crosswalks: CrosswalkView[] = [];
  if (packIds.length > 0) {
    const { crosswalkViews } = await import('../../assessment-io/crosswalk-views.js');
    const { CrosswalkCatalog } = await import('../../model-loader/crosswalks.js');
    const dir = options.crosswalks ?? context.env['PKIMM_CROSSWALKS_DIR'];
    const catalog = new CrosswalkCatalog(context.registry, dir ? { userDir: dir } : {});
    crosswalks = await crosswalkViews(catalog, packIds, model, assessment);
  }

  const report = await generateReport(
    scoredReportInput({
      assessment,
      model,
      previous,
      attestation,
      crosswalks,
      language,
      actionPlans: reportActionPlans(assessment, model, language),
      generatedAt: generatedAt(context.env),
    }),
    type,
    format,
  );
  if (options.out === '-') return context.io.stdout(report.bytes.toString('utf8'));
  await writeAtomically(options.out, report.bytes);
  context.io.stderr(`wrote ${options.out} (${type} report, ${format}, ${language}) from ${file}\n`);
}

async function readAttestation(path: string, assessmentId: string | undefined) {
  const { readInputFile } = await import('../../io/read-input.js');
  const { decodeAttestation } = await import('../../reports/attestation-ref.js');
  const decoded = decodeAttestation(await readInputFile(path), path);
  if (
    decoded.assessmentId !== undefined &&
    assessmentId !== undefined &&
    decoded.assessmentId !== assessmentId
  ) {
    throw new PkimmError(
      'USAGE',
      `the attestation is for assessment ${decoded.assessmentId}, but the assessment file is ${assessmentId}`,
      { source: path },
    );
  }
  return decoded.reference;
}

/** Now, or SOURCE_DATE_EPOCH (seconds) for reproducible output. */
function generatedAt(env: Record<string, string | undefined>): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** A temporary file next to the target renamed over it: an interrupted run leaves no half-written PDF. */
async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', `cannot write: ${(error as Error).message}`, {
      source: path,
      cause: error,
    });
  }
}
