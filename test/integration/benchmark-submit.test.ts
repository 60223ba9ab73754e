/** Preview, submit, replace, list and withdraw, with the role rules, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  anyString,
  call,
  createAssessment,
  createWorld,
  errorOf,
  type World,
} from './assessments-support.js';
import { finalise, importSample, PROFILE } from './benchmark-support.js';

describe.each(DIALECTS)('benchmark submissions on %s', (dialect) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await importSample(w.app, w.a.owner, w.a.orgId);
    await finalise(w.app, w.a.assessor, w.a.owner, id);
  });
  afterAll(() => w.close());

  const body = (profile: Record<string, string> = PROFILE) => ({ payload: { profile } });

  it('previews exactly the coarse payload: levels, type, profile codes and the quarter, nothing else', async () => {
    const response = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/preview`, body());
    expect(response.statusCode, response.body).toBe(200);
    const { payload } = response.json<{ payload: Record<string, unknown> }>();
    expect(Object.keys(payload).sort()).toEqual(['levels', 'modelVersion', 'profile', 'quarter', 'type']);
    expect(payload['quarter']).toBe('2026-Q1');
    expect(payload['modelVersion']).toBe('2.0.0');
    expect(payload['profile']).toEqual(PROFILE);
    const levels = payload['levels'] as Record<string, unknown>;
    expect(Object.keys(levels).length).toBeGreaterThan(5);
    for (const value of Object.values(levels))
      expect(typeof value === 'number' || value === 'n/a').toBe(true);
    const document = (await call(w.app, w.a.owner, 'GET', `/assessments/${id}`)).json<{
      title: string;
      document: { organisation?: { name?: string } };
    }>();
    const text = JSON.stringify(payload);
    expect(text).not.toContain(document.title);
    if (document.document.organisation?.name) expect(text).not.toContain(document.document.organisation.name);
    expect(text).not.toMatch(/T\d\d:\d\d/);
  });

  it('stores what the preview showed, once per organisation: a later submission replaces it', async () => {
    const preview = (
      await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/preview`, body())
    ).json<{
      payload: { levels: Record<string, unknown> };
    }>().payload;
    const first = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/submission`, body());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      submission: { modelVersion: '2.0.0', quarter: '2026-Q1', profile: PROFILE, replaced: false },
    });
    const rows = await w.database.handle.db.selectFrom('benchmark_submissions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.levels)).toEqual(preview.levels);
    expect(rows[0]!.org_hash).not.toContain(w.a.orgId);
    const changed = { ...PROFILE, size: '5000+' };
    const second = await call(
      w.app,
      w.a.owner,
      'POST',
      `/assessments/${id}/benchmark/submission`,
      body(changed),
    );
    expect(second.json<{ submission: { replaced: boolean } }>().submission.replaced).toBe(true);
    expect(await w.database.handle.db.selectFrom('benchmark_submissions').selectAll().execute()).toHaveLength(
      1,
    );
    const list = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/benchmark/submissions`);
    expect(list.json()).toEqual({
      submissions: [{ modelVersion: '2.0.0', quarter: '2026-Q1', profile: changed, submittedAt: anyString }],
    });
  });

  it('refuses non-owners (403), other tenants (404), drafts (409) and unknown codes (400)', async () => {
    const url = `/assessments/${id}/benchmark/submission`;
    expect((await call(w.app, w.a.assessor, 'POST', url, body())).statusCode).toBe(403);
    expect((await call(w.app, w.b.owner, 'POST', url, body())).statusCode).toBe(404);
    const draft = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const refused = await call(w.app, w.a.owner, 'POST', `/assessments/${draft}/benchmark/preview`, body());
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).message).toContain('only a final assessment');
    const bad = await call(w.app, w.a.owner, 'POST', url, body({ ...PROFILE, industry: 'Banking' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('industry');
    expect((await call(w.app, w.b.owner, 'GET', `/orgs/${w.a.orgId}/benchmark/submissions`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(w.app, w.a.assessor, 'DELETE', `/orgs/${w.a.orgId}/benchmark/submissions/2.0.0`))
        .statusCode,
    ).toBe(403);
  });

  it('withdraws a submission and audits submit and withdraw', async () => {
    const url = `/orgs/${w.a.orgId}/benchmark/submissions/2.0.0`;
    expect((await call(w.app, w.a.owner, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(w.app, w.a.owner, 'DELETE', url)).statusCode).toBe(404);
    expect((await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/benchmark/submissions`)).json()).toEqual(
      {
        submissions: [],
      },
    );
    const events = await w.database.handle.db
      .selectFrom('audit_log')
      .select('event')
      .where('event', 'like', 'benchmark.%')
      .execute();
    expect(events.map((e) => e.event).sort()).toEqual([
      'benchmark.submit',
      'benchmark.submit',
      'benchmark.withdraw',
    ]);
  });

  it('lists the fixed profile options', async () => {
    const options = (await call(w.app, w.a.viewer, 'GET', '/benchmark/profile-options')).json<
      Record<string, { code: string }[]>
    >();
    expect(options['industries']!.map((o) => o.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(options['caCounts']!.map((o) => o.code)).toEqual(['1', '2-5', '6-20', '21+']);
  });
});

describe.each(DIALECTS)('benchmark secret on %s', (dialect) => {
  it('generates one secret on first use even when several processes race for it', async () => {
    const { createTestDatabase } = await import('../support/databases.js');
    const { benchmarkSecretOnce } = await import('../../src/persistence/repositories/benchmark.js');
    const database = await createTestDatabase(dialect);
    try {
      const at = '2026-01-01T00:00:00.000Z';
      const secrets = await Promise.all(
        ['one', 'two', 'three', 'four'].map((candidate) =>
          benchmarkSecretOnce(database.handle.db, candidate, at),
        ),
      );
      expect(new Set(secrets).size).toBe(1);
      expect(await benchmarkSecretOnce(database.handle.db, 'later', at)).toBe(secrets[0]);
    } finally {
      await database.drop();
    }
  });
});
