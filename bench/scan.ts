/**
 * `npx tsx bench/scan.ts`: how many certificates per second the file scanner reads from PEM
 * bundles, next to a bare baseline in the same run on the same files (read the file, cut the PEM
 * blocks, `new crypto.X509Certificate(der)` per certificate). Also parse-only figures on DER in
 * memory, and the peak RSS while scanning. The goal is at least half the baseline's speed.
 *
 * 100,000 distinct certificates are made fast: the test PKI's leaves are the templates, and each
 * copy gets its own serial number patched into the DER (the signature no longer verifies, which
 * parsing does not care about).
 */
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/io/package-root.js';
import { fileInput } from '../src/scanner/input.js';
import { certificateFileEvents } from '../src/scanner/sources/certificate-files.js';
import { pathSource } from '../src/scanner/path-source.js';
import { runScan } from '../src/scanner/run-scan.js';
import { readElement } from '../src/scanner/x509/der.js';
import { parseCertificateDer } from '../src/scanner/x509/parse-certificate.js';
import { makePki, toPem } from '../test/support/pki-fixtures.js';
import { isMain, type Row } from './support/report.js';

const PER_FILE = 1_000;
/**
 * node:crypto's X509Certificate costs about 0.4 ms per certificate on Node 20, so the baseline
 * reads only the first 20 bundles (20,000 certificates) to keep the run under a minute; the
 * figures are rates, so the ratio compares like with like.
 */
const BASELINE_BUNDLES = 20;
const PARSE_ONLY = 10_000;

/** Where the serial number's value bytes sit in a certificate (after the [0] version). */
function serialSpan(der: Uint8Array): { start: number; end: number } {
  const outer = readElement(der, 0, der.length);
  const tbs = readElement(der, outer.valueStart, outer.end);
  let field = readElement(der, tbs.valueStart, tbs.end);
  if (field.tag === 0xa0) field = readElement(der, field.end, tbs.end);
  return { start: field.valueStart, end: field.end };
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g;

function baseline(paths: string[]): number {
  let count = 0;
  for (const path of paths) {
    const text = readFileSync(path, 'latin1');
    for (const match of text.matchAll(PEM_BLOCK)) {
      new X509Certificate(Buffer.from(match[1]!, 'base64'));
      count += 1;
    }
  }
  return count;
}

async function scanner(paths: string[], sample: () => void): Promise<number> {
  let count = 0;
  for (const path of paths) {
    for await (const event of certificateFileEvents(fileInput(path))) {
      if (event.type === 'certificate') count += 1;
      else if (event.type === 'skipped') throw new Error(`bench input skipped: ${event.item.reason}`);
    }
    sample();
  }
  return count;
}

function time<T>(run: () => T): { result: T; seconds: number } {
  const start = process.hrtime.bigint();
  const result = run();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function timeAsync<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Scans `FILES` bundles of 1,000 certificates each (100 standalone; the combined run passes
 * fewer to stay within its time), against the bare loop on at most 20 of them.
 */
export async function scanRows(FILES = 100): Promise<{ rows: Row[]; print: () => void }> {
  const TOTAL = FILES * PER_FILE;
  const BASELINE_FILES = Math.min(BASELINE_BUNDLES, FILES);
  const pki = await makePki();
  const templates = Object.values(pki.leaves).map((cert) => ({ der: cert.der, span: serialSpan(cert.der) }));
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-bench-scan-'));
  const ders: Uint8Array[] = [];
  const generationStart = process.hrtime.bigint();
  for (let file = 0; file < FILES; file += 1) {
    const pems: string[] = [];
    for (let i = 0; i < PER_FILE; i += 1) {
      const n = file * PER_FILE + i;
      const template = templates[n % templates.length]!;
      const der = new Uint8Array(template.der);
      // Keep the first serial byte (positive, non-zero) and write the copy's number into the rest.
      let value = n;
      for (let at = template.span.end - 1; at > template.span.start; at -= 1) {
        der[at] = value & 0xff;
        value = Math.floor(value / 256);
      }
      ders.push(der);
      pems.push(toPem(der));
    }
    writeFileSync(join(dir, `bundle-${String(file).padStart(3, '0')}.pem`), pems.join(''));
  }
  const generationSeconds = Number(process.hrtime.bigint() - generationStart) / 1e9;
  const files = readdirSync(dir).map((name) => join(dir, name));
  const bytesOnDisk = files.reduce((total, path) => total + readFileSync(path).length, 0);

  // Warm up both paths (JIT, file cache) on a few files first.
  baseline(files.slice(0, 3));
  await scanner(files.slice(0, 3), () => {});

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sample = () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  };
  const ours = await timeAsync(() => scanner(files, sample));
  // The whole scan as `pkimm scan` runs it: read, parse, dedupe, chains, indicators and rules.
  const full = await timeAsync(async () => {
    const { inventory, suggestions } = await runScan([pathSource([dir])], {
      now: new Date().toISOString(),
      // Memory is sampled every 1,000 items, so measuring costs next to nothing.
      onProgress: (p) => {
        if (p.certificates % 1_000 === 0) sample();
      },
    });
    return { certificates: inventory.summary.certificates, suggestions: suggestions.length };
  });
  if (full.result.certificates !== TOTAL)
    throw new Error(`full scan read ${full.result.certificates} certificates`);
  const bare = time(() => baseline(files.slice(0, BASELINE_FILES)));
  const bareTotal = BASELINE_FILES * PER_FILE;
  if (ours.result !== TOTAL || bare.result !== bareTotal) {
    throw new Error(`expected ${TOTAL} certificates, scanner read ${ours.result}, baseline ${bare.result}`);
  }

  // Parse only, DER already in memory: our walker against node:crypto's OpenSSL parser.
  const parseSlice = ders.slice(0, PARSE_ONLY);
  const parseOurs = time(() => {
    for (const der of parseSlice) parseCertificateDer(der);
  });
  const parseNode = time(() => {
    for (const der of parseSlice) new X509Certificate(der);
  });
  rmSync(dir, { recursive: true, force: true });
  const perSecond = (count: number, seconds: number) => count / seconds;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const rows = [
    ['figure', 'certs/s', 'ratio vs baseline'],
    [
      `baseline: read + regex + new X509Certificate (${bareTotal})`,
      perSecond(bareTotal, bare.seconds).toFixed(0),
      '1.00',
    ],
    [
      `scanner: certificateFileEvents (${TOTAL})`,
      perSecond(TOTAL, ours.seconds).toFixed(0),
      (perSecond(TOTAL, ours.seconds) / perSecond(bareTotal, bare.seconds)).toFixed(2),
    ],
    [
      `full scan: runScan, inventory, indicators, rules (${TOTAL})`,
      perSecond(TOTAL, full.seconds).toFixed(0),
      (perSecond(TOTAL, full.seconds) / perSecond(bareTotal, bare.seconds)).toFixed(2),
    ],
    [
      `parse only: new X509Certificate(der) (${PARSE_ONLY})`,
      perSecond(parseSlice.length, parseNode.seconds).toFixed(0),
      '1.00',
    ],
    [
      `parse only: parseCertificateDer(der) (${PARSE_ONLY})`,
      perSecond(parseSlice.length, parseOurs.seconds).toFixed(0),
      (parseNode.seconds / parseOurs.seconds).toFixed(2),
    ],
  ];
  const bareRate = perSecond(bareTotal, bare.seconds);
  const scanRate = perSecond(TOTAL, ours.seconds);
  const fullRate = perSecond(TOTAL, full.seconds);
  const out: Row[] = [
    {
      figure: `scan throughput, certificateFileEvents (${TOTAL} certs)`,
      value: scanRate,
      unit: 'certs/s',
      baseline: 'bare parse loop (node:crypto)',
      baselineValue: bareRate,
      ratio: scanRate / bareRate,
      better: 'higher',
      // The goal: at least half the bare loop's speed.
      ok: scanRate / bareRate >= 0.5,
    },
    {
      figure: `full scan, runScan with rules (${TOTAL} certs)`,
      value: fullRate,
      unit: 'certs/s',
      baseline: 'bare parse loop (node:crypto)',
      baselineValue: bareRate,
      ratio: fullRate / bareRate,
      better: 'higher',
      ok: true,
    },
  ];
  const print = () => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(
      `Scanning ${TOTAL} certificates in ${FILES} PEM bundles (${mb(bytesOnDisk)} MB), Node ${process.version}; ` +
        `generated in ${generationSeconds.toFixed(1)} s`,
    );
    for (const row of rows) {
      console.log(
        row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
      );
    }
    console.log(
      `RSS: ${mb(rssBefore)} MB before the scan, ${mb(rssPeak)} MB peak while scanning; ` +
        `process maxRSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (includes the generated certificates)`,
    );

    const figures = {
      node: process.version,
      at: new Date().toISOString(),
      certificates: TOTAL,
      baselinePerSecond: perSecond(bareTotal, bare.seconds),
      scannerPerSecond: perSecond(TOTAL, ours.seconds),
      ratio: perSecond(TOTAL, ours.seconds) / perSecond(bareTotal, bare.seconds),
      fullScanPerSecond: perSecond(TOTAL, full.seconds),
      fullScanRatio: perSecond(TOTAL, full.seconds) / perSecond(bareTotal, bare.seconds),
      parseOnly: {
        nodePerSecond: perSecond(parseSlice.length, parseNode.seconds),
        oursPerSecond: perSecond(parseSlice.length, parseOurs.seconds),
      },
      rssBeforeBytes: rssBefore,
      rssPeakBytes: rssPeak,
    };
    const results = join(packageRoot(), 'bench', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      join(results, `scan-${figures.at.replace(/[:.]/g, '-')}.json`),
      JSON.stringify(figures, null, 2),
    );
  };
  return { rows: out, print };
}

if (isMain(import.meta.url)) (await scanRows()).print();
