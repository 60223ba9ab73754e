/** The trend of a scope over its final assessments, checked against the scoring engine, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { call, SPONSOR } from './assessments-support.js';
import {
  assessmentIn,
  createCycleWorld,
  engineScore,
  type CycleWorld,
  type TrendBody,
} from './cycles-support.js';

const AWARENESS = 'R.awareness.awareness-plan';
const HOUR = 60 * 60 * 1000;

describe.each(DIALECTS)('cycles: trend on %s', (dialect) => {
  let w: CycleWorld;
  const finals: string[] = [];

  beforeAll(async () => {
    w = await createCycleWorld(dialect, '2026-01-10T08:00:00.000Z');
    finals.push(
      await assessmentIn(w, 'TLS', { [SPONSOR]: 2, [AWARENESS]: 1 }, { final: true, title: 'TLS 1' }),
    );
    w.clock.advance(HOUR);
    await w.refreshSessions();
    finals.push(
      await assessmentIn(w, 'TLS', { [SPONSOR]: 4, [AWARENESS]: 3 }, { final: true, title: 'TLS 2' }),
    );
    w.clock.advance(HOUR);
    await w.refreshSessions();
    await assessmentIn(w, 'TLS', { [SPONSOR]: 5 }, { title: 'TLS draft' });
    await assessmentIn(w, 'default', { [SPONSOR]: 1 }, { final: true, title: 'Other scope' });
  });
  afterAll(async () => w.close());

  it('lists every final assessment of the scope oldest first, with the engine’s category and overall levels', async () => {
    const response = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/trend?scope=TLS`);
    expect(response.statusCode, response.body).toBe(200);
    const trend = response.json<TrendBody>();
    expect(trend.scopeKey).toBe('TLS');
    expect(trend.points.map((p) => p.title)).toEqual(['TLS 1', 'TLS 2']);
    for (const [index, id] of finals.entries()) {
      const score = await engineScore(w, id);
      const point = trend.points[index]!;
      expect(point.assessmentId).toBe(id);
      expect(point.overall).toBe(score.overall.raw);
      for (const category of score.categories) expect(point.categories[category.key]).toBe(category.raw);
    }
    expect(trend.categories.map((c) => c.key)).toEqual(
      (await engineScore(w, finals[0]!)).categories.map((c) => c.key),
    );
    expect(trend.points[1]!.overall!).toBeGreaterThan(trend.points[0]!.overall!);
  });

  it('uses the default scope without a parameter, and is empty for a scope with no final assessment', async () => {
    const plain = (await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/trend`)).json<TrendBody>();
    expect(plain.points.map((p) => p.title)).toEqual(['Other scope']);
    const none = (
      await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/trend?scope=PKI%20for%20IoT`)
    ).json<TrendBody>();
    expect(none).toEqual({ scopeKey: 'PKI for IoT', categories: [], points: [] });
  });

  it('answers 404 to another organisation and 400 to an empty scope', async () => {
    expect((await call(w.app, w.b.owner, 'GET', `/orgs/${w.a.orgId}/trend?scope=TLS`)).statusCode).toBe(404);
    expect((await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/trend?scope=`)).statusCode).toBe(400);
  });
});
