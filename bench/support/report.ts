import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/io/package-root.js';
import type { LoadResult } from './load-plan.js';

export interface Figure extends LoadResult {
  label: string;
}

/** One table, every figure against the first (the bare route), in the style of bench/run.ts. */
export function printTable(title: string, figures: Figure[]): void {
  const base = figures[0]?.perSecond ?? Number.NaN;
  const rows = [
    ['figure', 'req/s', 'p50 ms', 'p99 ms', 'ratio vs bare'],
    ...figures.map((f) => [
      f.label,
      f.perSecond.toFixed(0),
      f.p50Ms.toFixed(2),
      f.p99Ms.toFixed(2),
      (f.perSecond / base).toFixed(3),
    ]),
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
