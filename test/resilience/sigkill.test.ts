/**
 * SIGKILL of `pkimm serve` in the middle of 100 users' autosaves, then a new process on the same
 * database: every acknowledged write is there exactly once; the one write per user that was in
 * flight is either wholly there or absent, and retrying it as it was (same If-Match and
 * Idempotency-Key) on the new process settles it without applying anything twice.
 * (test/e2e/server-sigkill.test.ts is the light version with 4 writers and a fixed count.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { exitWithin, killAllServers, startServerProcess } from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { prepareUsers } from './support/users.js';
import { verifyWrites } from './support/verify.js';

const USERS = 100;
const KILL_AFTER_MS = 6_000;

describe.each(DIALECTS)('SIGKILL under load on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('keeps every acknowledged write exactly once across the kill', async () => {
    database = await createTestDatabase(dialect);
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const first = await startServerProcess(env);
    const users = await prepareUsers(first, database.handle.db, USERS);

    const killed = new Promise<void>((resolve) =>
      setTimeout(() => {
        first.child.kill('SIGKILL');
        resolve();
      }, KILL_AFTER_MS),
    );
    const before = await runFleet(users, [first], { seconds: 60, stop: killed });
    console.log(describeRun(`SIGKILL ${dialect}, before the kill`, before));
    expect((await exitWithin(first, 10_000)).signal).toBe('SIGKILL');
    // Only the kill may have failed requests: connection errors, never an error answer.
    expect(Object.keys(before.failures).filter((f) => f !== 'network')).toEqual([]);
    expect(before.acked).toBeGreaterThan(USERS);
    const inFlight = users.filter((u) => u.pending !== undefined).length;
    // A closed loop of 100 users always has requests in flight; none would mean no real kill.
    expect(inFlight).toBeGreaterThan(0);

    const second = await startServerProcess(env);
    expect(await verifyWrites(database.handle.db, users)).toEqual([]);

    // The clients carry on against the new process, first retrying what was cut off.
    const after = await runFleet(users, [second], { seconds: 5 });
    console.log(
      describeRun(`SIGKILL ${dialect}, after the restart (${inFlight} in flight at the kill)`, after),
    );
    expect(after.failures, JSON.stringify(after.samples)).toEqual({});
    expect(users.every((u) => u.pending === undefined)).toBe(true);
    expect(await verifyWrites(database.handle.db, users)).toEqual([]);
  });
});
