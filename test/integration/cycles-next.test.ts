/** Next cycle, baseline, evidence carried over with its age, scope naming and reminders, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  errorOf,
  ifMatch,
  SPONSOR,
  type EvidenceBody,
} from './assessments-support.js';
import {
  createCycleWorld,
  makeFinal,
  type CycleBody,
  type CycleWorld,
  type NextCycleBody,
} from './cycles-support.js';

const ARCHITECTURE = 'G.strategy-and-vision.architecture';
const DAY = 24 * 60 * 60 * 1000;
const START = '2025-03-01T09:00:00.000Z';

describe.each(DIALECTS)('cycles: next cycle on %s', (dialect) => {
  let w: CycleWorld;
  let first: string;
  let next: NextCycleBody;

  beforeAll(async () => {
    w = await createCycleWorld(dialect, START);
    first = await createAssessment(w.app, w.a.assessor, w.a.orgId, {
      title: 'Root CA 2025',
      type: 'formal',
      scope: { description: 'Offline root and issuing CAs' },
    });
    const answers = [
      { target: 'requirement', key: SPONSOR, field: 'level', value: 4 },
      {
        target: 'requirement',
        key: ARCHITECTURE,
        field: 'applicability',
        value: 'not-applicable',
        reason: 'no own design',
      },
      { target: 'module', key: 'O', field: 'applicability', value: 'partial', reason: 'only the online CA' },
    ];
    for (const [index, payload] of answers.entries()) {
      const r = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/answers`, {
        payload,
        headers: ifMatch(index + 1),
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const evidence = await call(w.app, w.a.contributor, 'POST', `/assessments/${first}/evidence`, {
      payload: {
        kind: 'link',
        title: 'Strategy',
        url: 'https://intranet.example/strategy',
        requirements: [SPONSOR],
      },
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    const scoped = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { scopeKey: 'Root CA' },
    });
    expect(scoped.statusCode, scoped.body).toBe(200);
  });
  afterAll(async () => w.close());

  it('refuses to start the next cycle from an assessment that is not final (409)', async () => {
    const response = await call(w.app, w.a.assessor, 'POST', `/assessments/${first}/next-cycle`);
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('draft') as string,
    });
    const cycle = (await call(w.app, w.a.viewer, 'GET', `/assessments/${first}/cycle`)).json<CycleBody>();
    expect(cycle).toMatchObject({ scopeKey: 'Root CA', baseline: null, reminder: null });
  });

  it('checks roles and tenants before anything is created', async () => {
    await makeFinal(w, first);
    const contributor = await call(w.app, w.a.contributor, 'POST', `/assessments/${first}/next-cycle`);
    expect(contributor.statusCode).toBe(403);
    const outsider = await call(w.app, w.b.owner, 'POST', `/assessments/${first}/next-cycle`);
    expect(outsider.statusCode).toBe(404);
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${first}/cycle`)).statusCode).toBe(404);
    const list = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/assessments`);
    expect(list.json<{ assessments: unknown[] }>().assessments).toHaveLength(1);
  });

  it('gives the final assessment a default reminder a year after it was made final, movable by a rater', async () => {
    const cycle = (await call(w.app, w.a.viewer, 'GET', `/assessments/${first}/cycle`)).json<CycleBody>();
    expect(cycle.reminder).toEqual({ on: '2026-03-01', isDefault: true, state: 'upcoming' });
    const scope = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { scopeKey: 'x' },
    });
    expect(scope.statusCode).toBe(409);
    const viewer = await call(w.app, w.a.viewer, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { reminderOn: '2026-01-15' },
    });
    expect(viewer.statusCode).toBe(403);
    const bad = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { reminderOn: '2026-02-30' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('YYYY-MM-DD');
    const moved = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { reminderOn: '2025-03-20' },
    });
    expect(moved.json<CycleBody>().reminder).toEqual({ on: '2025-03-20', isDefault: false, state: 'due' });
    const back = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${first}/cycle`, {
      payload: { reminderOn: null },
    });
    expect(back.json<CycleBody>().reminder).toMatchObject({ on: '2026-03-01', isDefault: true });
  });

  it('starts the next cycle with scope, type and applicability, no ratings, and the previous ratings as baseline', async () => {
    // A year on, one day before the evidence turns 12 months old.
    w.clock.advance(364 * DAY);
    await w.refreshSessions();
    const response = await call(w.app, w.a.assessor, 'POST', `/assessments/${first}/next-cycle`, {
      payload: { title: 'Root CA 2026' },
    });
    expect(response.statusCode, response.body).toBe(201);
    next = response.json<NextCycleBody>();
    expect(next.evidenceCopied).toBe(1);
    expect(next.assessment).toMatchObject({
      title: 'Root CA 2026',
      status: 'draft',
      type: 'formal',
      mode: 'full',
      version: 1,
    });
    const doc = assessmentOf(
      await call(w.app, w.a.viewer, 'GET', `/assessments/${next.assessment.id}`),
    ).document;
    expect(doc.scope).toEqual({ description: 'Offline root and issuing CAs' });
    expect(doc.modules).toEqual({ O: { applicability: 'partial', reason: 'only the online CA' } });
    expect(doc.requirements?.[ARCHITECTURE]).toMatchObject({
      applicability: 'not-applicable',
      reason: 'no own design',
    });
    expect(doc.requirements?.[SPONSOR]).toBeUndefined();
    const cycle = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${next.assessment.id}/cycle`)
    ).json<CycleBody>();
    expect(cycle).toMatchObject({
      scopeKey: 'Root CA',
      baseline: { assessmentId: first, title: 'Root CA 2025', requirements: { [SPONSOR]: 4 } },
      reminder: null,
    });
    // The previous assessment is untouched and still final.
    expect(assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${first}`)).status).toBe('final');
  });

  it('copies the evidence with its original date and flags it stale once older than 12 months', async () => {
    const id = next.assessment.id;
    const listed = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ title: 'Strategy', createdAt: START, requirements: [SPONSOR] });
    const original = (await call(w.app, w.a.viewer, 'GET', `/assessments/${first}/evidence`)).json<{
      evidence: EvidenceBody[];
    }>().evidence;
    expect(original[0]!.id).not.toBe(listed[0]!.id);

    const before = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/cycle`)).json<CycleBody>();
    expect(before.evidence).toMatchObject({ maxAgeMonths: 12, items: [{ createdAt: START, stale: false }] });
    w.clock.advance(2 * DAY); // 12 months and a day
    await w.refreshSessions();
    const after = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/cycle`)).json<CycleBody>();
    expect(after.evidence.items[0]!.stale).toBe(true);
    // The previous cycle's reminder (a year after it was made final) is now past.
    const previous = (await call(w.app, w.a.viewer, 'GET', `/assessments/${first}/cycle`)).json<CycleBody>();
    expect(previous.reminder).toMatchObject({ on: '2026-03-01', state: 'overdue' });
  });

  it('lists the organisation’s assessments with scope, previous cycle and reminder', async () => {
    const response = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/cycles`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ assessments: unknown[] }>().assessments).toEqual([
      {
        assessmentId: first,
        title: 'Root CA 2025',
        status: 'final',
        modelVersion: '2.0.0',
        scopeKey: 'Root CA',
        sharedSourceId: null,
        baselineId: null,
        reminder: { on: '2026-03-01', isDefault: true, state: 'overdue' },
        isLatestFinal: true,
      },
      {
        assessmentId: next.assessment.id,
        title: 'Root CA 2026',
        status: 'draft',
        modelVersion: '2.0.0',
        scopeKey: 'Root CA',
        sharedSourceId: null,
        baselineId: first,
        reminder: null,
        isLatestFinal: false,
      },
    ]);
    expect((await call(w.app, w.b.viewer, 'GET', `/orgs/${w.a.orgId}/cycles`)).statusCode).toBe(404);
  });

  it('takes the evidence age from PKIMM_EVIDENCE_MAX_AGE_MONTHS', async () => {
    expect(w.app.deps.config.evidenceMaxAgeMonths).toBe(12);
    const { loadConfig } = await import('../../src/server/config.js');
    expect(loadConfig({ PKIMM_EVIDENCE_MAX_AGE_MONTHS: '6' }).evidenceMaxAgeMonths).toBe(6);
    expect(() => loadConfig({ PKIMM_EVIDENCE_MAX_AGE_MONTHS: '0' })).toThrow(/configuration/);
  });
});
