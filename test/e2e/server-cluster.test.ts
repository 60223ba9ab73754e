/**
 * Stateless app processes: two `pkimm serve` on different ports against one PostgreSQL serve
 * the same users and assessments, because sessions and everything else live in the database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  api,
  createAssessment,
  createOrg,
  createUser,
  rateRequirement,
  signIn,
  type AssessmentView,
} from './support/api.js';
import { killAllServers, startServerProcess, type ServerProcess } from './support/server-process.js';

// Each start compiles the sources with tsx, slow on a loaded CI machine; give starts room.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const KEY = 'G.strategy-and-vision.sponsor-support';

describe.runIf(DIALECTS.includes('postgres'))('two server processes, one PostgreSQL', () => {
  let database: TestDatabase;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    [one, two] = await Promise.all([
      startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' }),
      startServerProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' }),
    ]);
  });
  afterAll(async () => {
    await killAllServers();
    await database?.drop();
  });

  it('share sessions, assessments and their versions', async () => {
    expect(one.stderr()).toMatch(/\(postgres postgres:\/\/.+\)/);
    await createUser(database.handle.db, 'shared@example.org');

    // Signed in on one, recognised on two.
    const cookie = await signIn(one, 'shared@example.org');
    const me = await api<{ user: { email: string } }>(two, 'GET', '/api/v1/auth/me', { cookie });
    expect([me.status, me.body.user.email]).toEqual([200, 'shared@example.org']);

    // Created on two, autosaved on one... and the other way round.
    const orgId = await createOrg(two, cookie, 'Shared organisation');
    const created = await createAssessment(one, cookie, orgId, 'Shared assessment');
    const saved = await rateRequirement(two, cookie, created, KEY, 3);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(created.version + 1);
    expect(saved.etag).toBe(`"${saved.body.version}"`);

    const read = await api<AssessmentView>(one, 'GET', `/api/v1/assessments/${created.id}`, { cookie });
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(saved.body.version);
    expect(read.body.document.requirements?.[KEY]?.level).toBe(3);

    // The version check spans processes: a stale write on one loses against the write on two.
    const stale = await rateRequirement(one, cookie, created, KEY, 5);
    expect(stale.status).toBe(409);

    // Signing out on one ends the session everywhere.
    expect((await api(one, 'POST', '/api/v1/auth/sign-out', { cookie })).status).toBe(204);
    expect((await api(two, 'GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });
});
