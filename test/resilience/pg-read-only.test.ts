/**
 * PostgreSQL turning read-only under load (default_transaction_read_only on the test's own
 * database, its connections terminated so new ones pick it up, as a failover to a replica
 * would): writes answer 503 DATABASE_UNAVAILABLE saying the database is read-only, reads keep
 * answering 200, and once it is writable again writes go through in the same process.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, PG_ADMIN_URL, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { signIn } from '../e2e/support/api.js';
import { killAllServers, startServerProcess } from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { makeSlidesDue, readThenWrite, type Probe } from './support/probe.js';
import { prepareUsers } from './support/users.js';
import { verifyWrites } from './support/verify.js';

const USERS = 30;
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
const anyObject = expect.any(Object) as object;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets the database's read-only default and ends its sessions, so every new one has it. */
async function setReadOnly(name: string, on: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  } finally {
    await admin.end();
  }
}

describe.runIf(DIALECTS.includes('postgres'))('PostgreSQL turning read-only under load', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('refuses writes with a clear 503, keeps serving reads, then recovers', async () => {
    database = await createTestDatabase('postgres');
    const name = new URL(database.url).pathname.slice(1);
    const server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    const users = await prepareUsers(server, database.handle.db, USERS);
    const probe = users[0]!;
    const probeCookie = await signIn(server, probe.email);

    const seen: { write?: Probe['write']; read?: unknown; ready?: number } = {};
    const fault = (async () => {
      await sleep(3_000);
      await makeSlidesDue(database.handle.db);
      await setReadOnly(name, true);
      await sleep(2_000);
      Object.assign(seen, await readThenWrite(server, probe.assessmentId, probeCookie));
      seen.ready = (await fetch(`${server.url}/readyz`)).status;
      await sleep(1_000);
      await setReadOnly(name, false);
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    const stats = await runFleet(users, [server], { seconds: 14, backoffMs: 200 });
    expect(await fault).toBeUndefined();
    console.log(describeRun(`PostgreSQL read-only, ${USERS} users`, stats));

    expect(seen.read).toMatchObject({
      status: 200,
      body: { document: { requirements: anyObject } },
    });
    expect(seen.write?.status).toBe(503);
    expect(seen.write?.body).toMatchObject({
      error: {
        code: 'DATABASE_UNAVAILABLE',
        message: matching(/read-only.*nothing was changed/),
      },
    });
    // Reads work, so the process stays in the load balancer.
    expect(seen.ready).toBe(200);
    // Only clean 503s: read-only refusals, or the terminated connections of the switch itself.
    expect(Object.keys(stats.failures), JSON.stringify(stats.samples)).toEqual(['503 DATABASE_UNAVAILABLE']);
    expect(stats.samples.every((s) => /read-only|cannot be reached/.test(s.message ?? ''))).toBe(true);
    expect(users.every((u) => u.pending === undefined)).toBe(true);
    expect(server.child.exitCode).toBeNull();
    expect(await verifyWrites(database.handle.db, users)).toEqual([]);
  });
});
