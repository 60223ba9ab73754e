/**
 * 200 simulated users autosaving for PKIMM_RESILIENCE_SECONDS (default 60) against one
 * `pkimm serve`, on SQLite and on PostgreSQL: every answer a 200, and afterwards the database
 * holds every acknowledged write exactly once, with no version gaps or duplicates.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { killAllServers, startServerProcess } from '../e2e/support/server-process.js';
import { describeRun, runFleet } from './support/fleet.js';
import { prepareUsers } from './support/users.js';
import { ackedCount, verifyWrites } from './support/verify.js';

const USERS = 200;
const SECONDS = Number(process.env['PKIMM_RESILIENCE_SECONDS'] ?? 60);

describe.each(DIALECTS)('%d users autosaving on %s'.replace('%d', String(USERS)), (dialect) => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it(`loses, duplicates and refuses nothing for ${SECONDS} s`, async () => {
    database = await createTestDatabase(dialect);
    // Request logs of thousands of requests would measure the pipe, not the server.
    const server = await startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
    const users = await prepareUsers(server, database.handle.db, USERS);

    const stats = await runFleet(users, [server], { seconds: SECONDS });
    console.log(describeRun(`${USERS} users, ${dialect}, ${SECONDS} s`, stats));

    expect(stats.failures, JSON.stringify(stats.samples)).toEqual({});
    expect(stats.acked).toBe(ackedCount(users));
    // Every user got through; a starved user would hide behind the total.
    for (const user of users) expect(user.acked.length, user.assessmentId).toBeGreaterThan(0);
    expect(users.every((u) => u.pending === undefined)).toBe(true);
    expect(await verifyWrites(database.handle.db, users)).toEqual([]);
    expect(server.child.exitCode).toBeNull();

    // The check itself can fail: a lost revision and a lost value are both reported.
    const [lost, blanked] = [users[0]!, users[1]!];
    await database.handle.db
      .deleteFrom('revisions')
      .where('assessment_id', '=', lost.assessmentId)
      .where('version', '=', lost.version)
      .execute();
    await database.handle.db
      .updateTable('assessments')
      .set({ document: '{}' })
      .where('id', '=', blanked.assessmentId)
      .execute();
    const problems = await verifyWrites(database.handle.db, users);
    expect(problems.some((p) => p.startsWith(`${lost.assessmentId}: revisions`))).toBe(true);
    expect(
      problems.some((p) => p.startsWith(`${blanked.assessmentId}: `) && p.includes('in the document')),
    ).toBe(true);
  });
});
