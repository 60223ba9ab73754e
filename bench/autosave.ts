/**
 * `npm run bench:autosave`: autosave throughput and latency with 50 concurrent clients, each
 * on its own assessment, on SQLite and on PostgreSQL, next to a bare Fastify route measured
 * with the same driver in the same run. The server runs in this process as `pkimm serve` would
 * (startServer: migrations, every plugin, real sockets); the driver runs in a child process.
 * Prints one table and writes the figures to bench/results/.
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
import { printTable, writeResults, type Figure } from './support/report.js';

const CLIENTS = 50;
const WARMUP_MS = 1_000;
const DURATION_MS = Number(process.env['PKIMM_BENCH_SECONDS'] ?? 5) * 1_000;

const model = await new ModelRegistry({ dataDir: mkdtempSync(join(tmpdir(), 'pkimm-bench-home-')) }).get(
  'pkimm',
  '2.0.0',
);
const keys = indexModel(model).requirements.map((r) => r.key);

async function bareFigure(): Promise<Figure> {
  const bare = await startBare();
  try {
    const clients = Array.from({ length: CLIENTS }, () => ({
      kind: 'get' as const,
      path: '/bare',
      headers: {},
    }));
    return {
      label: 'bare Fastify GET /bare',
      ...(await drive({ origin: bare.origin, warmupMs: WARMUP_MS, durationMs: DURATION_MS, clients })),
    };
  } finally {
    await bare.app.close();
  }
}

async function autosaveFigure(dialect: DialectName): Promise<Figure> {
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
      const clients = await autosaveClients(server.app.deps.database.db, server.url, CLIENTS, keys);
      const plan: LoadPlan = { origin: server.url, warmupMs: WARMUP_MS, durationMs: DURATION_MS, clients };
      return { label: `autosave PATCH, ${dialect}`, ...(await drive(plan)) };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

const figures: Figure[] = [await bareFigure()];
for (const dialect of ['sqlite', 'postgres'] as const) figures.push(await autosaveFigure(dialect));

printTable(
  `Autosave, ${CLIENTS} concurrent clients (one assessment each), ${DURATION_MS / 1000} s per figure after ` +
    `${WARMUP_MS / 1000} s warm-up, Node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}`,
  figures,
);
// The machine's size and load go with the figures: on a small shared box they move a lot.
const file = writeResults('autosave', {
  cpus: availableParallelism(),
  loadavg: loadavg(),
  clients: CLIENTS,
  warmupMs: WARMUP_MS,
  durationMs: DURATION_MS,
  figures,
});
console.log(`written to ${file}`);
