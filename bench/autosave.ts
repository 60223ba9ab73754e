/**
 * `npm run bench:autosave`: autosave throughput and latency with 50 and with 200 concurrent
 * clients, each on its own assessment, on SQLite and on PostgreSQL, next to a bare Fastify route
 * measured with the same driver at the same client count in the same run. The server runs in
 * this process as `pkimm serve` would (startServer: migrations, every plugin, real sockets); the
 * driver runs in a child process. Prints one table and writes the figures to bench/results/;
 * `npm run bench` takes its rows.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexModel } from '../src/core/model/model-index.js';
import { ModelRegistry } from '../src/model-loader/registry.js';
import type { DialectName } from '../src/persistence/dialect.js';
import { startServer } from '../src/server/main.js';
import { startBare } from './support/bare.js';
import { benchDatabase, freePort } from './support/database.js';
import { drive } from './support/drive.js';
import { autosaveClients } from './support/fixture.js';
import type { LoadPlan } from './support/load-plan.js';
import { isMain, printTable, writeResults, type Figure, type Row } from './support/report.js';

const WARMUP_MS = 1_000;
const DURATION_MS = Number(process.env['PKIMM_BENCH_SECONDS'] ?? 5) * 1_000;
/** Answers the driver may see without the figure failing: a 409 is a lost If-Match race, by design. */
const EXPECTED = new Set(['409']);

const model = await new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-bench-home-')) }).get(
  'pkimm',
  '2.0.0',
);
const keys = indexModel(model).requirements.map((r) => r.key);

async function bareFigure(count: number): Promise<Figure> {
  const bare = await startBare();
  try {
    const clients = Array.from({ length: count }, () => ({
      kind: 'get' as const,
      path: '/bare',
      headers: {},
    }));
    return {
      label: `bare Fastify GET /bare, ${count} clients`,
      ...(await drive({ origin: bare.origin, warmupMs: WARMUP_MS, durationMs: DURATION_MS, clients })),
    };
  } finally {
    await bare.app.close();
  }
}

async function autosaveFigure(dialect: DialectName, count: number): Promise<Figure> {
  const database = await benchDatabase(dialect);
  try {
    const server = await startServer({
      PORT: String(await freePort()),
      DATABASE_URL: database.url,
      PKIMM_HOME: mkdtempSync(join(tmpdir(), 'pkimm-bench-home-')),
      // Request logs would measure the terminal; production can ship them elsewhere.
      LOG_LEVEL: 'silent',
    });
    try {
      const clients = await autosaveClients(server.app.deps.database.db, server.url, count, keys);
      const plan: LoadPlan = { origin: server.url, warmupMs: WARMUP_MS, durationMs: DURATION_MS, clients };
      return { label: `autosave PATCH, ${dialect}, ${count} clients`, ...(await drive(plan)) };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

const unexpected = (f: Figure) => Object.keys(f.failures).filter((status) => !EXPECTED.has(status));

/** Per client count: the bare route first, then autosave on each database against it. */
export async function autosaveRows(counts = [50, 200]): Promise<{ rows: Row[]; print: () => void }> {
  const figures: Figure[] = [];
  const rows: Row[] = [];
  for (const count of counts) {
    const bare = await bareFigure(count);
    figures.push(bare);
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const f = await autosaveFigure(dialect, count);
      figures.push(f);
      rows.push({
        figure: `autosave, ${dialect}, ${count} clients`,
        value: f.perSecond,
        unit: 'req/s',
        baseline: `bare Fastify route, ${count} clients`,
        baselineValue: bare.perSecond,
        ratio: f.perSecond / bare.perSecond,
        better: 'higher',
        p50Ms: f.p50Ms,
        p99Ms: f.p99Ms,
        failures: f.failures,
        // A 5xx, a network failure or no successful save at all is a broken server, not a slow one.
        ok: f.requests > 0 && unexpected(f).length === 0 && unexpected(bare).length === 0,
      });
    }
  }
  const print = () => {
    printTable(
      `Autosave, ${counts.join(' and ')} concurrent clients (one assessment each), ${DURATION_MS / 1000} s per ` +
        `figure after ${WARMUP_MS / 1000} s warm-up, Node ${process.version}, ${availableParallelism()} CPUs, ` +
        `load ${loadavg()[0]!.toFixed(1)}`,
      figures,
    );
    // The machine's size and load go with the figures: on a small shared box they move a lot.
    const file = writeResults('autosave', {
      cpus: availableParallelism(),
      loadavg: loadavg(),
      clients: counts,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      figures,
    });
    console.log(`written to ${file}`);
  };
  return { rows, print };
}

if (isMain(import.meta.url)) {
  const { rows, print } = await autosaveRows();
  print();
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
