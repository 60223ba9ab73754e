/**
 * `tsx bench/run.ts` (and a row of `npm run bench`): how many full PKIMM 2.0.0 assessments per second the scoring engine scores,
 * next to a naive baseline measured in the same run on the same inputs. Prints a table and
 * writes the figures to bench/results/ as JSON so runs can be compared.
 */
import { join } from 'node:path';
import type { Assessment, Rating } from '../src/core/assessment/assessment.types.js';
import { indexModel } from '../src/core/model/model-index.js';
import { scoreAssessment } from '../src/core/scoring/score-assessment.js';
import { packageRoot } from '../src/io/package-root.js';
import { ModelRegistry } from '../src/model-loader/registry.js';
import { naiveOverallRaw } from './naive-score.js';
import { isMain, writeResults, type Row } from './support/report.js';

const model = await new ModelRegistry({ dataDir: join(packageRoot(), 'data', 'bench-empty') }).get(
  'pkimm',
  '2.0.0',
);
const { requirements } = indexModel(model);

/** Deterministic pseudo-random assessments (a fixed LCG, so every run scores the same inputs). */
function makeAssessments(count: number): Assessment[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, n) => ({
    title: `bench ${n}`,
    model: { id: 'pkimm', version: '2.0.0' },
    mode: 'full' as const,
    modules: {},
    categories: {},
    extensions: [],
    relevance: {},
    requirements: Object.fromEntries(
      requirements.map((r) => {
        const x = next();
        return [
          r.key,
          x < 0.05
            ? { applicability: 'not-applicable' as const, reason: 'bench', level: 0 as Rating }
            : {
                applicability: 'applicable' as const,
                level: Math.min(5, 1 + Math.floor(next() * 5)) as Rating,
              },
        ];
      }),
    ),
  }));
}

function measure(label: string, inputs: Assessment[], score: (a: Assessment) => unknown, seconds = 2) {
  for (let i = 0; i < 2_000; i += 1) score(inputs[i % inputs.length]!); // warm up the JIT
  let scored = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(seconds * 1e9);
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 500; i += 1) score(inputs[(scored + i) % inputs.length]!);
    scored += 500;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, perSecond: scored / elapsed, scored, seconds: elapsed };
}

/** Engine against the naive scorer on the same 1,000 inputs, `seconds` each. */
export function scoringRows(seconds = 2): { rows: Row[]; print: () => void } {
  const inputs = makeAssessments(1_000);
  for (const a of inputs.slice(0, 50)) {
    const engine = scoreAssessment(model, a).overall.raw;
    if (engine !== naiveOverallRaw(model, a)) throw new Error(`engine and baseline disagree on ${a.title}`);
  }
  const naive = measure('naive baseline (linear lookups)', inputs, (a) => naiveOverallRaw(model, a), seconds);
  const engine = measure('scoring engine (full report)', inputs, (a) => scoreAssessment(model, a), seconds);
  const rows: Row[] = [
    {
      figure: 'scoring throughput (full 2.0.0 assessment)',
      value: engine.perSecond,
      unit: 'assessments/s',
      baseline: 'naive scorer',
      baselineValue: naive.perSecond,
      ratio: engine.perSecond / naive.perSecond,
      better: 'higher',
      ok: true,
    },
  ];
  const print = () => {
    const table = [
      ['figure', 'assessments/s', 'ratio vs baseline'],
      [naive.label, naive.perSecond.toFixed(0), '1.00'],
      [engine.label, engine.perSecond.toFixed(0), (engine.perSecond / naive.perSecond).toFixed(2)],
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    console.log(
      `Scoring full PKIMM 2.0.0 assessments (${requirements.length} requirements each), Node ${process.version}`,
    );
    for (const row of table)
      console.log(
        row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
      );
    writeResults('scoring', { figures: [naive, engine] });
  };
  return { rows, print };
}

if (isMain(import.meta.url)) scoringRows().print();
