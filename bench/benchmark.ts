/**
 * `npm run bench:benchmark`: one peer-group comparison (all categories, one group: industry K)
 * against a local pool of 10,000 and of 100,000 synthetic submissions in a throwaway PostgreSQL
 * database, and how the time grows. Budget: well under a second at 100,000. Also two rows of
 * `npm run bench` (ratio against the budget, and against the 10,000 figure).
 */
import { mkdtempSync } from 'node:fs';
import { sql } from 'kysely';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quarterOf } from '../src/core/benchmark/payload.js';
import { syntheticPool } from '../src/core/benchmark/synthetic.js';
import { ModelRegistry } from '../src/model-loader/registry.js';
import { openDatabase } from '../src/persistence/database.js';
import { migrateToLatest } from '../src/persistence/migrate.js';
import { insertSyntheticPool } from '../src/persistence/repositories/benchmark.js';
import { ALL_TYPES, comparePool } from '../src/server/benchmark/compare.js';
import { benchDatabase } from './support/database.js';
import { isMain, type Row } from './support/report.js';

const BUDGET_MS = 1_000;
const ROUNDS = 5;
const model = await new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-bench-home-')) }).get(
  'pkimm',
  '2.0.0',
);
const keys = model.modules.flatMap((m) => m.categories.map((c) => c.key));
const own = Object.fromEntries(keys.map((key) => [key, 2.5]));

/** The comparison's median time at 10,000 and 100,000 submissions in a throwaway PostgreSQL database. */
export async function peerGroupRows(): Promise<{ rows: Row[]; print: () => void }> {
  const target = await benchDatabase('postgres');
  const database = openDatabase(target.url);
  const rows: { size: number; medianMs: number; groupSize: number }[] = [];
  try {
    await migrateToLatest(database.db as never, database.dialect);
    let loaded = 0;
    for (const size of [10_000, 100_000]) {
      const pool = syntheticPool(size - loaded, {
        seed: size,
        modelVersion: '2.0.0',
        categoryKeys: keys,
        quarter: quarterOf(new Date()),
      });
      await insertSyntheticPool(database.db, pool, new Date());
      loaded = size;
      await sql`analyze benchmark_submissions`.execute(database.db);
      const times: number[] = [];
      let groupSize = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        const result = await comparePool(database.db, 10, '2.0.0', keys, own, {
          filters: { industry: 'K' },
          types: ALL_TYPES,
          weighting: 'none',
        });
        times.push(performance.now() - start);
        if (result.status !== 'ok') throw new Error(`the bench group was refused: ${result.reason}`);
        groupSize = result.group.size;
      }
      times.sort((a, b) => a - b);
      rows.push({ size, medianMs: times[Math.floor(ROUNDS / 2)]!, groupSize });
    }
  } finally {
    await database.close();
    await target.drop();
  }
  const [small, large] = rows;
  if (!small || !large) throw new Error('the peer-group bench measured no pool');
  const out: Row[] = [
    {
      figure: 'peer-group comparison, 100,000 submissions (PG)',
      value: large.medianMs,
      unit: 'ms',
      baseline: `budget ${BUDGET_MS} ms`,
      baselineValue: BUDGET_MS,
      ratio: large.medianMs / BUDGET_MS,
      better: 'lower',
      ok: large.medianMs < BUDGET_MS,
    },
    {
      figure: 'peer-group comparison, growth 10k → 100k (PG)',
      value: large.medianMs,
      unit: 'ms',
      baseline: 'same at 10,000 submissions',
      baselineValue: small.medianMs,
      ratio: large.medianMs / small.medianMs,
      better: 'lower',
      ok: true,
    },
  ];
  const print = () => {
    console.log('benchmark comparison on PostgreSQL (all categories, group industry=K, median of 5)');
    for (const row of rows)
      console.log(
        `  pool ${String(row.size).padStart(7)}  group ${String(row.groupSize).padStart(6)}  ${row.medianMs.toFixed(1)} ms`,
      );
    console.log(`  growth 10,000 → 100,000: ×${(large.medianMs / small.medianMs).toFixed(2)}`);
    console.log(
      large.medianMs < BUDGET_MS
        ? `  within the ${BUDGET_MS} ms budget`
        : `  OVER the ${BUDGET_MS} ms budget`,
    );
  };
  return { rows: out, print };
}

if (isMain(import.meta.url)) {
  const { rows, print } = await peerGroupRows();
  print();
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
