/** Governance and Resources answers shared between scopes: scoring, reads, exports, reports, edits, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  errorOf,
  ifMatch,
  SPONSOR,
  type ScoreBody,
} from './assessments-support.js';
import {
  assessmentIn,
  createCycleWorld,
  engineScore,
  makeFinal,
  type CycleBody,
  type CycleWorld,
} from './cycles-support.js';

const KEYS = 'M.key-management.key-inventory';
const AWARENESS = 'R.awareness.awareness-plan';

describe.each(DIALECTS)('cycles: shared Governance and Resources answers on %s', (dialect) => {
  let w: CycleWorld;
  let source: string;
  let consumer: string;

  beforeAll(async () => {
    w = await createCycleWorld(dialect, '2026-04-01T08:00:00.000Z');
    source = await assessmentIn(w, 'Root', { [SPONSOR]: 5, [AWARENESS]: 4, [KEYS]: 1 }, { title: 'Root' });
    consumer = await assessmentIn(w, 'TLS', { [SPONSOR]: 1, [KEYS]: 3 }, { title: 'TLS' });
  });
  afterAll(async () => w.close());

  const link = (id: string, sharedSourceId: string | null, who = w.a.assessor) =>
    call(w.app, who, 'PATCH', `/assessments/${id}/cycle`, { payload: { sharedSourceId } });

  it('refuses sources outside the organisation, of another model version, or itself', async () => {
    const other = await createAssessment(w.app, w.b.assessor, w.b.orgId);
    const old = await createAssessment(w.app, w.a.assessor, w.a.orgId, { model: { version: '1.0.0' } });
    for (const bad of [other, old, consumer, 'missing']) {
      const response = await link(consumer, bad);
      expect(response.statusCode, bad).toBe(400);
      expect(errorOf(response).issues[0]?.path).toBe('sharedSourceId');
    }
    expect((await link(consumer, source, w.a.viewer)).statusCode).toBe(403);
    expect((await link(consumer, source, w.b.owner)).statusCode).toBe(404);
  });

  it('reads, scores and exports the source’s G and R answers with the consumer’s own M and O', async () => {
    const linked = await link(consumer, source);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<CycleBody>().sharedSource).toEqual({ assessmentId: source, title: 'Root' });
    const doc = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}`)).document;
    expect(doc.requirements?.[SPONSOR]?.level).toBe(5);
    expect(doc.requirements?.[AWARENESS]?.level).toBe(4);
    expect(doc.requirements?.[KEYS]?.level).toBe(3);
    const score = (await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}/score`)).json<ScoreBody>();
    const engine = await engineScore(w, consumer);
    expect(score.overall.raw).toBe(engine.overall.raw);
    expect(score.categories.find((c) => c.key === 'G.strategy-and-vision')?.raw).toBe(
      engine.categories.find((c) => c.key === 'G.strategy-and-vision')?.raw,
    );
    const exported = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${consumer}/export?format=pkimm-json`,
    );
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('"level": 5');
    const report = await call(
      w.app,
      w.a.viewer,
      'GET',
      `/assessments/${consumer}/reports/detailed?format=html`,
    );
    expect(report.statusCode).toBe(200);
    // Later changes to the source show in the consumer at once.
    const version = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${source}`)).version;
    const edit = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${source}/answers`, {
      payload: { target: 'requirement', key: SPONSOR, field: 'level', value: 3 },
      headers: ifMatch(version),
    });
    expect(edit.statusCode).toBe(200);
    const again = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}`)).document;
    expect(again.requirements?.[SPONSOR]?.level).toBe(3);
  });

  it('sends G and R edits to the source (409 on the consumer) and keeps M and O editable', async () => {
    const version = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}`)).version;
    for (const payload of [
      { target: 'requirement', key: SPONSOR, field: 'level', value: 2 },
      { target: 'module', key: 'R', field: 'applicability', value: 'not-applicable', reason: 'x' },
      { target: 'requirement', key: AWARENESS, field: 'notes', value: 'x' },
    ]) {
      const refused = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${consumer}/answers`, {
        payload,
        headers: ifMatch(version),
      });
      expect(refused.statusCode, JSON.stringify(payload)).toBe(409);
      expect(errorOf(refused).message).toContain('"Root"');
    }
    const own = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${consumer}/answers`, {
      payload: { target: 'requirement', key: KEYS, field: 'level', value: 4 },
      headers: ifMatch(version),
    });
    expect(own.statusCode).toBe(200);
  });

  it('allows one step only: a source shares nothing itself and a consumer is nobody’s source', async () => {
    const third = await assessmentIn(w, 'IoT', {}, { title: 'IoT' });
    expect((await link(third, consumer)).statusCode).toBe(400);
    expect((await link(source, third)).statusCode).toBe(400);
  });

  it('freezes the shared answers when the consumer is made final', async () => {
    await makeFinal(w, consumer);
    const version = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${source}`)).version;
    await call(w.app, w.a.assessor, 'PATCH', `/assessments/${source}/answers`, {
      payload: { target: 'requirement', key: SPONSOR, field: 'level', value: 1 },
      headers: ifMatch(version),
    });
    const doc = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}`)).document;
    expect(doc.requirements?.[SPONSOR]?.level).toBe(3);
    const cycle = (await call(w.app, w.a.viewer, 'GET', `/assessments/${consumer}/cycle`)).json<CycleBody>();
    expect(cycle.sharedSource).toBeNull();
    expect((await link(consumer, null)).statusCode).toBe(409);
  });
});
