/** The benchmark hub: a hub app and a normal app in one process, the hub store on both databases. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PkimmError } from '../../src/core/errors.js';
import { loadConfig } from '../../src/server/config.js';
import { buildHubApp } from '../../src/server/hub/hub-app.js';
import { buildTestApp, testClock } from '../support/accounts.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { call, createWorld, errorOf, type World } from './assessments-support.js';
import { addPeers, compareAs, finalise, importSample, peers, PROFILE } from './benchmark-support.js';

const TOKEN = 'hub-token-0123456789abcdefghij';
const home = () => mkdtempSync(join(tmpdir(), 'pkimm-hub-'));

describe.each(DIALECTS)('benchmark hub on %s', (dialect) => {
  let hubDb: TestDatabase;
  let hub: FastifyInstance;
  let hubUrl: string;
  let w: World;
  let id: string;
  const hubRows = () => hubDb.handle.db.selectFrom('benchmark_submissions').selectAll().execute();
  const body = (profile: Record<string, string> = PROFILE) => ({ payload: { profile } });

  beforeAll(async () => {
    hubDb = await createTestDatabase(dialect);
    // The hub's k (5) differs from the normal server's default (10): a reply with k 5 came from the hub.
    hub = await buildHubApp({
      config: loadConfig({
        PKIMM_HOME: home(),
        PKIMM_HUB_TOKENS: `other-token-${'x'.repeat(20)},${TOKEN}`,
        PKIMM_BENCHMARK_K: '5',
      }),
      database: hubDb.handle,
      logger: false,
    });
    await hub.listen({ host: '127.0.0.1', port: 0 });
    const address = hub.server.address() as { port: number };
    hubUrl = `http://127.0.0.1:${address.port}`;
    w = await createWorld(dialect, { PKIMM_BENCHMARK_HUB_URL: hubUrl, PKIMM_BENCHMARK_HUB_TOKEN: TOKEN });
    id = await importSample(w.app, w.a.owner, w.a.orgId);
    await finalise(w.app, w.a.assessor, w.a.owner, id);
  });
  afterAll(async () => {
    await w.close();
    await hub.close();
    await hubDb.drop();
  });

  it('submits to the hub, not locally; the hub row has the keyed hash and nothing naming the organisation', async () => {
    const first = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/submission`, body());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      submission: { modelVersion: '2.0.0', quarter: '2026-Q1', profile: PROFILE, replaced: false },
    });
    expect(await w.database.handle.db.selectFrom('benchmark_submissions').selectAll().execute()).toEqual([]);
    const rows = await hubRows();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.pool).toBe('hub');
    expect(row.org_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nothing finer than the quarter, and nothing of the organisation or the submitting server.
    expect(row.submitted_at).toBe('2026-01-01T00:00:00.000Z');
    const text = JSON.stringify(row);
    expect(text).not.toContain(w.a.orgId);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('127.0.0.1');
    const { name } = (await call(w.app, w.a.owner, 'GET', `/orgs/${w.a.orgId}`)).json<{ name: string }>();
    expect(name.length).toBeGreaterThan(0);
    expect(text).not.toContain(name);
  });

  it('replaces the earlier submission and lists what the hub holds', async () => {
    const changed = { ...PROFILE, size: '5000+' };
    const second = await call(
      w.app,
      w.a.owner,
      'POST',
      `/assessments/${id}/benchmark/submission`,
      body(changed),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<{ submission: { replaced: boolean } }>().submission.replaced).toBe(true);
    const rows = await hubRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.size).toBe('5000+');
    const list = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/benchmark/submissions`);
    expect(list.json()).toEqual({
      submissions: [
        {
          modelVersion: '2.0.0',
          quarter: '2026-Q1',
          profile: changed,
          submittedAt: '2026-01-01T00:00:00.000Z',
        },
      ],
    });
  });

  it("compares against the hub's pool with the hub's privacy rules, refusals included", async () => {
    const preview = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/benchmark/preview`, body());
    const keys = Object.keys(preview.json<{ payload: { levels: object } }>().payload.levels);
    const rows = peers(12, keys, { profile: { industry: 'K', size: '50-249' }, level: 2 });
    await addPeers(
      hubDb.handle,
      rows.map((row) => ({ ...row, pool: 'hub' })),
    );
    // Local peers must not count: the normal server's own pool is not asked.
    await addPeers(w.database.handle, peers(30, keys, { level: 5 }));
    const everyone = await compareAs(w.app, w.a.viewer, id);
    expect(everyone).toMatchObject({
      status: 'ok',
      k: 5,
      synthetic: false,
      group: { filters: {}, size: 13 },
    });
    expect(everyone.categories).toHaveLength(keys.length);
    expect(everyone.overall!['p10']).toBe(2);
    expect(await compareAs(w.app, w.a.viewer, id, 'industry=A')).toMatchObject({
      status: 'refused',
      reason: 'too-small',
      k: 5,
      suggestion: { filters: {} },
    });
    // industry K has 13 (12 peers + ours), K + size 50-249 has 12: one peer apart, so refused.
    expect(await compareAs(w.app, w.a.viewer, id, 'industry=K&size=50-249')).toMatchObject({
      status: 'refused',
      reason: 'difference-too-small',
      suggestion: { filters: { industry: 'K' } },
    });
  });

  it('withdraws from the hub; withdrawing again is 404', async () => {
    const path = `/orgs/${w.a.orgId}/benchmark/submissions/2.0.0`;
    const gone = await call(w.app, w.a.owner, 'DELETE', path);
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await hubRows()).filter((row) => !row.org_hash.startsWith('test-'))).toEqual([]);
    const again = await call(w.app, w.a.owner, 'DELETE', path);
    expect(again.statusCode).toBe(404);
  });

  it('answers 401 to a wrong token, which the normal server turns into a clear 503', async () => {
    const direct = await hub.inject({
      method: 'POST',
      url: '/hub/v1/submissions/list',
      headers: { authorization: `Bearer ${'y'.repeat(30)}` },
      payload: { orgHash: 'a'.repeat(43) },
    });
    expect(direct.statusCode).toBe(401);
    expect((await hub.inject({ method: 'POST', url: '/hub/v1/compare', payload: {} })).statusCode).toBe(401);
    const wrong = await buildTestApp(w.database.handle, testClock(), {
      PKIMM_BENCHMARK_HUB_URL: hubUrl,
      PKIMM_BENCHMARK_HUB_TOKEN: 'z'.repeat(30),
    });
    try {
      const response = await call(wrong, w.a.viewer, 'GET', `/assessments/${id}/benchmark/compare`);
      expect(response.statusCode).toBe(503);
      expect(errorOf(response).message).toContain("refused this server's token");
    } finally {
      await wrong.close();
    }
  });

  it('gives a 503 naming the hub when it cannot be reached', async () => {
    const away = await buildTestApp(w.database.handle, testClock(), {
      PKIMM_BENCHMARK_HUB_URL: 'http://127.0.0.1:9',
      PKIMM_BENCHMARK_HUB_TOKEN: TOKEN,
    });
    try {
      const response = await call(away, w.a.owner, 'POST', `/assessments/${id}/benchmark/submission`, body());
      expect(response.statusCode).toBe(503);
      expect(errorOf(response).message).toContain(
        'the benchmark hub at http://127.0.0.1:9 could not be reached',
      );
    } finally {
      await away.close();
    }
  });

  it('serves nothing but health and the hub routes', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    expect((await hub.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(404);
    expect((await hub.inject({ method: 'GET', url: '/', headers: auth })).statusCode).toBe(404);
    expect((await hub.inject({ method: 'GET', url: '/api/docs', headers: auth })).statusCode).toBe(404);
    expect((await hub.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('benchmark hub configuration', () => {
  const issuesOf = (env: Record<string, string>) => {
    try {
      loadConfig({ PKIMM_HOME: home(), ...env });
    } catch (error) {
      return (error as PkimmError).issues;
    }
    return [];
  };

  it('refuses a hub URL without https unless it is on this machine, and says why', () => {
    const issues = issuesOf({
      PKIMM_BENCHMARK_HUB_URL: 'http://hub.example',
      PKIMM_BENCHMARK_HUB_TOKEN: TOKEN,
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'PKIMM_BENCHMARK_HUB_URL',
        message: expect.stringContaining('unencrypted') as string,
      }),
    ]);
    expect(
      issuesOf({ PKIMM_BENCHMARK_HUB_URL: 'ftp://hub.example', PKIMM_BENCHMARK_HUB_TOKEN: TOKEN }),
    ).toHaveLength(1);
    expect(
      issuesOf({ PKIMM_BENCHMARK_HUB_URL: 'http://localhost:9000', PKIMM_BENCHMARK_HUB_TOKEN: TOKEN }),
    ).toEqual([]);
    const ok = loadConfig({
      PKIMM_HOME: home(),
      PKIMM_BENCHMARK_HUB_URL: 'https://hub.example/',
      PKIMM_BENCHMARK_HUB_TOKEN: TOKEN,
    });
    expect(ok.benchmark.hub).toEqual({ url: 'https://hub.example', token: TOKEN });
  });

  it('wants a long token on both sides, and a hub without tokens does not start', async () => {
    expect(
      issuesOf({ PKIMM_BENCHMARK_HUB_URL: 'https://hub.example', PKIMM_BENCHMARK_HUB_TOKEN: 'short' }),
    ).toEqual([expect.objectContaining({ path: 'PKIMM_BENCHMARK_HUB_TOKEN' })]);
    expect(issuesOf({ PKIMM_HUB_TOKENS: `${TOKEN},short` })).toEqual([
      expect.objectContaining({ path: 'PKIMM_HUB_TOKENS' }),
    ]);
    const database = await createTestDatabase('sqlite');
    try {
      await expect(
        buildHubApp({ config: loadConfig({ PKIMM_HOME: home() }), database: database.handle, logger: false }),
      ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    } finally {
      await database.drop();
    }
  });
});
