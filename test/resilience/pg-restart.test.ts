/**
 * PostgreSQL stopped and started again under load (a private cluster, never the shared one):
 * meanwhile the same `pkimm serve` process reports unready and answers writes and reads with a
 * 503 DATABASE_UNAVAILABLE (never a 500, never a crash); once the database is back it is ready
 * again by itself and every acknowledged write is there exactly once.
 */
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/persistence/database.js';
import { migrateToLatest } from '../../src/persistence/migrate.js';
import { api, rateRequirement, type Created } from '../e2e/support/api.js';
import { killAllServers, startServerProcess, type ServerProcess } from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { createPrivateCluster, type PrivateCluster } from './support/private-pg.js';
import { prepareUsers } from './support/users.js';
import { verifyWrites } from './support/verify.js';

const USERS = 50;
let cluster: PrivateCluster | undefined;
const handles: DatabaseHandle[] = [];

afterAll(async () => {
  await killAllServers();
  for (const handle of handles) await handle.close().catch(() => undefined);
  await cluster?.destroy();
});

const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyStatus(server: ServerProcess): Promise<number> {
  return (await fetch(`${server.url}/readyz`)).status;
}

it('reconnects by itself after PostgreSQL restarts, reporting unready meanwhile', async () => {
  cluster = await createPrivateCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE pkimm');
  await admin.end();
  const setup = openDatabase(cluster.url('pkimm'));
  handles.push(setup);
  await migrateToLatest(setup.db as never, setup.dialect);
  const server = await startServerProcess({ DATABASE_URL: cluster.url('pkimm'), LOG_LEVEL: 'warn' });
  const users = await prepareUsers(server, setup.db, USERS);
  expect(await readyStatus(server)).toBe(200);

  const probe: Created = { id: users[0]!.assessmentId, version: 1 };
  const seen: { ready: number[]; write?: Awaited<ReturnType<typeof rateRequirement>>; read?: number } = {
    ready: [],
  };
  let readyAgainMs = Number.NaN;
  const outage = (async () => {
    await sleep(4_000);
    await cluster.stop();
    // Down: not ready, and a write and a read both fail cleanly.
    seen.ready.push(await readyStatus(server));
    seen.write = await rateRequirement(server, users[0]!.cookie, probe, users[0]!.keys[0]!, 1);
    seen.read = (
      await api(server, 'GET', `/api/v1/assessments/${probe.id}`, { cookie: users[0]!.cookie })
    ).status;
    await sleep(3_000);
    seen.ready.push(await readyStatus(server));
    const restarted = Date.now();
    await cluster.start();
    while ((await readyStatus(server)) !== 200 && Date.now() - restarted < 30_000) await sleep(100);
    readyAgainMs = Date.now() - restarted;
  })().then(
    () => undefined,
    (error: unknown) => error,
  );
  const stats = await runFleet(users, [server], { seconds: 22, backoffMs: 200 });
  const failed = await outage;
  // A crash shows as a refused connection here; the server's own last words say why.
  if (failed !== undefined)
    throw new Error(
      `the outage checks failed: ${failed instanceof Error ? failed.message : JSON.stringify(failed)}\n${server.stderr().slice(-3000)}`,
    );
  console.log(
    describeRun(`PostgreSQL restart, ${USERS} users (ready ${readyAgainMs} ms after start)`, stats),
  );

  expect(seen.ready).toEqual([503, 503]);
  expect(seen.write?.status).toBe(503);
  expect(seen.write?.body).toMatchObject({
    error: { code: 'DATABASE_UNAVAILABLE', message: matching(/cannot be reached/) },
  });
  expect(seen.read).toBe(503);
  expect(readyAgainMs).toBeLessThan(30_000);
  // The same process throughout: it neither crashed nor needed a restart.
  expect(server.child.exitCode).toBeNull();
  expect(server.child.signalCode).toBeNull();
  // Only clean 503s while the database was away, and writes went through before and after it.
  expect(Object.keys(stats.failures), JSON.stringify(stats.samples)).toEqual(['503 DATABASE_UNAVAILABLE']);
  expect(stats.samples.every((s) => s.retryAfter !== undefined)).toBe(true);
  expect(stats.acked).toBeGreaterThan(USERS * 2);
  expect(users.every((u) => u.pending === undefined)).toBe(true);

  const check = openDatabase(cluster.url('pkimm'));
  handles.push(check);
  expect(await verifyWrites(check.db, users)).toEqual([]);
  expect(
    await rateRequirement(
      server,
      users[0]!.cookie,
      { ...probe, version: users[0]!.version },
      users[0]!.keys[0]!,
      5,
    ),
  ).toMatchObject({ status: 200 });
});
