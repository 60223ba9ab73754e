/** The portfolio roll-up: one assessment per scope, weights, bottlenecks, roles and tenants, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, SPONSOR } from './assessments-support.js';
import {
  assessmentIn,
  createCycleWorld,
  engineScore,
  type CycleWorld,
  type PortfolioBody,
} from './cycles-support.js';

const AWARENESS = 'R.awareness.awareness-plan';
const STRATEGY = 'G.strategy-and-vision';
const HOUR = 60 * 60 * 1000;

describe.each(DIALECTS)('portfolio roll-up on %s', (dialect) => {
  let w: CycleWorld;
  let root: string;
  let tls: string;
  let iot: string;

  beforeAll(async () => {
    w = await createCycleWorld(dialect, '2026-02-01T08:00:00.000Z');
    root = await assessmentIn(w, 'Root', { [SPONSOR]: 4, [AWARENESS]: 4 }, { final: true });
    w.clock.advance(HOUR);
    await w.refreshSessions();
    tls = await assessmentIn(w, 'TLS', { [SPONSOR]: 2, [AWARENESS]: 5 }, { final: true });
    w.clock.advance(HOUR);
    await w.refreshSessions();
    // A newer draft does not replace the scope's latest final assessment.
    await assessmentIn(w, 'TLS', { [SPONSOR]: 1 });
    // A scope with no final assessment counts with its latest one.
    iot = await assessmentIn(w, 'IoT', { [SPONSOR]: 3 });
  });
  afterAll(async () => w.close());

  const get = async () => {
    const response = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/portfolio`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<PortfolioBody>();
  };

  it('takes the latest final assessment of each scope (else the latest) with equal weights by default', async () => {
    const p = await get();
    expect(p.scopes.map((s) => [s.scopeKey, s.assessment.id, s.weight, s.assessments, s.finals])).toEqual([
      ['IoT', iot, 1, 1, 0],
      ['Root', root, 1, 1, 1],
      ['TLS', tls, 1, 2, 1],
    ]);
    expect(p.scopes.find((s) => s.scopeKey === 'Root')!.reminder).toMatchObject({
      on: '2027-02-01',
      isDefault: true,
    });
    expect(p.scopes.find((s) => s.scopeKey === 'IoT')!.reminder).toBeNull();
    const scores = await Promise.all([iot, root, tls].map((id) => engineScore(w, id)));
    const overall = scores.map((s) => s.overall.raw!);
    expect(p.overall.raw).toBeCloseTo((overall[0]! + overall[1]! + overall[2]!) / 3, 12);
    const strategy = p.categories.find((c) => c.key === STRATEGY)!;
    expect(strategy.bottleneck?.scopeKey).toBe('TLS');
    const awareness = p.categories.find((c) => c.key === 'R.awareness')!;
    // IoT did not assess awareness, so it neither counts nor holds it back.
    expect(awareness.scopes.map((s) => s.scopeKey)).toEqual(['Root', 'TLS']);
    expect(awareness.bottleneck?.scopeKey).toBe('Root');
  });

  it('weights the roll-up by the weights an owner sets', async () => {
    const assessor = await call(w.app, w.a.assessor, 'PATCH', `/orgs/${w.a.orgId}/portfolio/weights`, {
      payload: { weights: { Root: 3 } },
    });
    expect(assessor.statusCode).toBe(403);
    const negative = await call(w.app, w.a.owner, 'PATCH', `/orgs/${w.a.orgId}/portfolio/weights`, {
      payload: { weights: { Root: -1 } },
    });
    expect(negative.statusCode).toBe(400);
    const outsider = await call(w.app, w.b.owner, 'PATCH', `/orgs/${w.a.orgId}/portfolio/weights`, {
      payload: { weights: { Root: 3 } },
    });
    expect(outsider.statusCode).toBe(404);
    const set = await call(w.app, w.a.owner, 'PATCH', `/orgs/${w.a.orgId}/portfolio/weights`, {
      payload: { weights: { Root: 3, TLS: 1, IoT: 0 } },
    });
    expect(set.statusCode, set.body).toBe(200);
    const p = await get();
    expect(p.scopes.map((s) => s.weight)).toEqual([0, 3, 1]);
    const [rootScore, tlsScore] = await Promise.all([engineScore(w, root), engineScore(w, tls)]);
    const raw = (s: typeof rootScore) => s.categories.find((c) => c.key === STRATEGY)!.raw!;
    const strategy = p.categories.find((c) => c.key === STRATEGY)!;
    expect(strategy.raw).toBeCloseTo((3 * raw(rootScore) + raw(tlsScore)) / 4, 12);
    expect(strategy.weightSum).toBe(4);
    expect(p.overall.raw).toBeCloseTo((3 * rootScore.overall.raw! + tlsScore.overall.raw!) / 4, 12);
  });

  it('is hidden from other organisations (404) and empty for an organisation without assessments', async () => {
    expect((await call(w.app, w.b.viewer, 'GET', `/orgs/${w.a.orgId}/portfolio`)).statusCode).toBe(404);
    const empty = (
      await call(w.app, w.b.viewer, 'GET', `/orgs/${w.b.orgId}/portfolio`)
    ).json<PortfolioBody>();
    expect(empty).toMatchObject({ scopes: [], categories: [], overall: { raw: null, bottleneck: null } });
  });
});
