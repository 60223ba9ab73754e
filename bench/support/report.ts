import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/io/package-root.js';
import type { LoadResult } from './load-plan.js';

export interface Figure extends LoadResult {
  label: string;
}

/** One table of load figures, each against the bare-route figure last listed before it. */
export function printTable(title: string, figures: Figure[]): void {
  let base = Number.NaN;
  const rows = [
    ['figure', 'req/s', 'p50 ms', 'p99 ms', 'ratio vs bare'],
    ...figures.map((f) => {
      if (f.label.startsWith('bare')) base = f.perSecond;
      return [
        f.label,
        f.perSecond.toFixed(0),
        f.p50Ms.toFixed(2),
        f.p99Ms.toFixed(2),
        (f.perSecond / base).toFixed(3),
      ];
    }),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(title);
  for (const row of rows) {
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
    );
  }
  for (const f of figures) {
    const failed = Object.entries(f.failures);
    if (failed.length > 0)
      console.log(`  ${f.label}: not 200: ${failed.map(([k, n]) => `${k}×${n}`).join(', ')}`);
  }
}

/** Writes the figures next to the scoring results so runs can be compared. */
export function writeResults(name: string, data: Record<string, unknown>): string {
  const folder = join(packageRoot(), 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ node: process.version, at: new Date().toISOString(), ...data }, null, 2),
  );
  return file;
}

/** One line of the combined table: a figure, the baseline it is compared with, and which way is better. */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  /** value ÷ baselineValue. */
  ratio: number;
  better: 'higher' | 'lower';
  p50Ms?: number;
  p99Ms?: number;
  /** Non-200 answers by status; 409 is expected under autosave contention, anything else fails the row. */
  failures?: Record<string, number>;
  /** False when the figure missed its goal or saw errors: the combined run then exits non-zero. */
  ok: boolean;
}

const num = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2);

/** Prints rows as one aligned table: first column left, the others right. */
export function printRows(title: string, rows: Row[]): void {
  const table = [
    [
      'figure',
      'value',
      'unit',
      'baseline',
      'baseline value',
      'ratio',
      'better',
      'p50 ms',
      'p99 ms',
      'status',
    ],
    ...rows.map((r) => [
      r.figure,
      num(r.value),
      r.unit,
      r.baseline,
      num(r.baselineValue),
      // Three decimals below 0.1, so a small ratio does not print as 0.00.
      r.ratio.toFixed(r.ratio < 0.1 ? 3 : 2),
      r.better === 'higher' ? '↑' : '↓',
      num(r.p50Ms),
      num(r.p99Ms),
      r.ok ? 'ok' : 'FAIL',
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log(title);
  for (const row of table)
    console.log(
      row
        .map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  '),
    );
  for (const r of rows) {
    const failed = Object.entries(r.failures ?? {});
    if (failed.length > 0)
      console.log(`  ${r.figure}: not 200: ${failed.map(([k, n]) => `${k}×${n}`).join(', ')}`);
  }
}

/** True when this module is the script node was started with (standalone `npm run bench:*`). */
export function isMain(url: string): boolean {
  const script = process.argv[1];
  return script !== undefined && url === pathToFileURL(resolve(script)).href;
}
