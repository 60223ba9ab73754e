/**
 * Two `pkimm serve` processes on one PostgreSQL, 200 users each alternating between them
 * request by request (the harder case: a session made on one and a version written by one
 * must be seen by the other at once). The same checks as with one process must hold.
 * (test/e2e/server-cluster.test.ts shows the same sharing with one user and no load.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { killAllServers, startServerProcess } from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { prepareUsers } from './support/users.js';
import { verifyWrites } from './support/verify.js';

const USERS = 200;
const SECONDS = 20;

describe.runIf(DIALECTS.includes('postgres'))('two server processes, one PostgreSQL, under load', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('loses, duplicates and refuses nothing while users alternate between the processes', async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    // Signed in and created on one only: two knows them solely through the database.
    const users = await prepareUsers(one, database.handle.db, USERS);

    const stats = await runFleet(users, [one, two], { seconds: SECONDS });
    console.log(describeRun(`two processes, ${USERS} users alternating, postgres, ${SECONDS} s`, stats));

    expect(stats.failures, JSON.stringify(stats.samples)).toEqual({});
    // Alternation really happened: each user made writes on both (every other request).
    for (const user of users) expect(user.acked.length, user.assessmentId).toBeGreaterThanOrEqual(2);
    expect(await verifyWrites(database.handle.db, users)).toEqual([]);
    expect([one.child.exitCode, two.child.exitCode]).toEqual([null, null]);
  });
});
