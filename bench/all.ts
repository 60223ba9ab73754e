/**
 * `npm run bench`: every benchmark in one run and one table. Each row is a figure against a
 * baseline measured in the same run (or a stated budget), with the direction that is better;
 * the same rows go to bench/results/bench-<timestamp>.json with the machine they ran on.
 * Exits non-zero when a figure missed its goal, saw server errors, or could not be measured.
 * The standalone `npm run bench:*` scripts print their detailed tables; the Chromium
 * category-switch figure stays standalone (`npm run bench:web`) to keep this run short.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { autosaveRows } from './autosave.js';
import { peerGroupRows } from './benchmark.js';
import { bundleRows, indexFile } from './bundle.js';
import { pdfRows } from './report-pdf.js';
import { scoringRows } from './run.js';
import { scanRows } from './scan.js';
import { printRows, writeResults, type Row } from './support/report.js';

/** 20 bundles of 1,000 certificates: the rate settles well before 100,000, which bench:scan keeps. */
const SCAN_BUNDLES = 20;

interface Part {
  name: string;
  run: () => Promise<{ rows: Row[] }>;
}

const parts: Part[] = [
  { name: 'scoring', run: () => Promise.resolve(scoringRows()) },
  { name: 'autosave', run: () => autosaveRows([50, 200]) },
  { name: 'peer-group', run: () => peerGroupRows() },
  { name: 'scan', run: () => scanRows(SCAN_BUNDLES) },
  { name: 'report-pdf', run: () => pdfRows() },
  {
    name: 'bundle',
    run: () => {
      // A missing build is made here rather than failing the run; an existing one is measured as it is.
      if (!existsSync(indexFile)) {
        console.error(`${indexFile} is missing: building the web app (npx vite build)`);
        const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
        if (built.status !== 0) throw new Error(`npx vite build exited with ${built.status}`);
      }
      return Promise.resolve(bundleRows());
    },
  },
];

const machine = {
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  loadavgAtStart: loadavg(),
  startedAt: new Date().toISOString(),
};
const begin = performance.now();
const rows: Row[] = [];
const timings: Record<string, number> = {};
const errors: { part: string; message: string }[] = [];
for (const part of parts) {
  const start = performance.now();
  console.error(`bench: ${part.name}…`);
  try {
    rows.push(...(await part.run()).rows);
  } catch (error) {
    // One broken part must not hide the others' figures, but it fails the run.
    const message = error instanceof Error ? error.message : String(error);
    errors.push({ part: part.name, message });
    console.error(`bench: ${part.name} FAILED: ${message}`);
  }
  timings[part.name] = (performance.now() - start) / 1000;
  console.error(`bench: ${part.name} took ${timings[part.name]!.toFixed(1)} s`);
}
const wallSeconds = (performance.now() - begin) / 1000;

printRows(
  `pkimm bench, Node ${machine.node}, ${machine.cpus} CPUs, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${machine.startedAt} (ratio = value ÷ baseline; better: ↑ higher, ↓ lower)`,
  rows,
);
for (const e of errors) console.log(`FAILED ${e.part}: ${e.message}`);
console.log(
  `wall time ${wallSeconds.toFixed(1)} s (${Object.entries(timings)
    .map(([name, s]) => `${name} ${s.toFixed(0)} s`)
    .join(', ')})`,
);
const file = writeResults('bench', {
  machine: { ...machine, loadavgAtEnd: loadavg() },
  wallSeconds,
  timings,
  rows,
  errors,
});
console.log(`written to ${file}`);
if (errors.length > 0 || rows.some((r) => !r.ok)) process.exitCode = 1;
