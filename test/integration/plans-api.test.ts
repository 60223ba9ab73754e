/** The plan routes on both databases: CRUD, tasks, status, roles, If-Match conflicts, idempotency, timeline, files. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUp } from '../support/accounts.js';
import { as } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import type { PlanListView, PlanReplyView } from '../../src/server/routes/plan-schemas.js';
import {
  createAssessment,
  createWorld,
  errorOf,
  ifMatch,
  revisionsOf,
  versionOf,
  type World,
} from './assessments-support.js';

const CATEGORY = 'G.strategy-and-vision';

function req(
  app: FastifyInstance,
  who: SignedUp,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...as(app, who), ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

const roadmapPlan = {
  subject: CATEGORY,
  title: 'Multi-year roadmap',
  status: 'planned',
  targetLevel: 4,
  objectives: ['A roadmap the board signs off'],
  responsible: 'CIO office',
  schedule: { start: '2026-01-10', due: '2026-02-15' },
  tasks: [
    { label: 'Draft', done: false },
    { label: 'Review', done: false },
  ],
};

describe.each(DIALECTS)('plans API on %s', (dialect) => {
  let w: World;
  let id: string;
  let planId: string;
  beforeAll(async () => {
    w = await createWorld(dialect);
    id = await createAssessment(w.app, w.a.owner, w.a.orgId, { title: 'Plans PKI' });
  });
  afterAll(() => w.close());

  it('creates a plan as a contributor, as one revision, and lists it overdue against the server day', async () => {
    const created = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      roadmapPlan,
      ifMatch(1),
    );
    expect(created.statusCode, created.body).toBe(200);
    expect(created.headers.etag).toBe('"2"');
    const body = created.json<PlanReplyView>();
    planId = body.id;
    expect(body).toMatchObject({
      version: 2,
      plan: { subject: CATEGORY, status: 'planned', targetLevel: 4 },
    });
    const list = (await req(w.app, w.a.viewer, 'GET', `/assessments/${id}/plans`)).json<PlanListView>();
    // The test clock stands at 2026-03-01, after the due date.
    expect(list).toMatchObject({ today: '2026-03-01', version: 2 });
    expect(list.plans).toEqual([
      expect.objectContaining({
        planId,
        overdue: true,
        subjectName: 'Strategy and vision',
        assessmentTitle: 'Plans PKI',
      }),
    ]);
    const revision = (await revisionsOf(w.app, w.a.owner, id)).find((r) => r.version === 2);
    expect(revision).toMatchObject({ kind: 'plan-create', version: 2 });
  });

  it('ticks a task and changes the status; a done plan is no longer overdue', async () => {
    const ticked = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans/${planId}/tasks/1`,
      { done: true },
      ifMatch(2),
    );
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json<PlanReplyView>().plan?.tasks).toEqual([
      { label: 'Draft', done: false },
      { label: 'Review', done: true },
    ]);
    const done = await req(
      w.app,
      w.a.assessor,
      'POST',
      `/assessments/${id}/plans/${planId}/status`,
      { status: 'done' },
      ifMatch(3),
    );
    expect(done.statusCode, done.body).toBe(200);
    const list = (await req(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/plans`)).json<PlanListView>();
    expect(list.plans.find((p) => p.planId === planId)).toMatchObject({
      overdue: false,
      plan: { status: 'done' },
    });
  });

  it('refuses a stale If-Match with 409 and the current state, and a missing one with 428', async () => {
    const stale = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans/${planId}/status`,
      { status: 'planned' },
      ifMatch(2),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: { version: number } }>().current.version).toBe(4);
    const missing = await req(w.app, w.a.contributor, 'POST', `/assessments/${id}/plans/${planId}/status`, {
      status: 'planned',
    });
    expect(missing.statusCode).toBe(428);
    expect(await versionOf(w.app, w.a.owner, id)).toBe(4);
  });

  it('lets viewers read but not write, and hides the plans from another organisation', async () => {
    const viewer = await req(w.app, w.a.viewer, 'POST', `/assessments/${id}/plans`, roadmapPlan, ifMatch(4));
    expect(viewer.statusCode).toBe(403);
    const outsider = await req(w.app, w.b.owner, 'GET', `/assessments/${id}/plans`);
    expect(outsider.statusCode).toBe(404);
    const timeline = await req(w.app, w.b.owner, 'GET', `/orgs/${w.a.orgId}/plans`);
    expect(timeline.statusCode).toBe(404);
  });

  it('answers bad plans with precise paths and stores nothing', async () => {
    const bad = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      {
        ...roadmapPlan,
        schedule: { start: '2026-05-01', due: '2026-04-31' },
        colour: 'red',
        status: 'later',
      },
      ifMatch(4),
    );
    expect(bad.statusCode).toBe(400);
    const paths = errorOf(bad).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body.schedule.due', 'body.colour', 'body.status']));
    const before = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      { ...roadmapPlan, schedule: { start: '2026-05-01', due: '2026-04-30' } },
      ifMatch(4),
    );
    expect(before.statusCode).toBe(400);
    expect(errorOf(before).issues).toEqual([
      { path: 'body.schedule.due', message: 'the due date 2026-04-30 is before the start 2026-05-01' },
    ]);
    const unknown = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      { ...roadmapPlan, subject: 'G.strategy-and-visio' },
      ifMatch(4),
    );
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown).issues[0]?.message).toContain('did you mean "G.strategy-and-vision"');
    const task = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans/${planId}/tasks/5`,
      { done: true },
      ifMatch(4),
    );
    expect(task.statusCode).toBe(400);
    expect(errorOf(task).issues[0]?.path).toBe('tasks.5');
    expect(await versionOf(w.app, w.a.owner, id)).toBe(4);
  });

  it('replaces and deletes a plan; a retried create with the same key is applied once', async () => {
    const replaced = await req(
      w.app,
      w.a.contributor,
      'PUT',
      `/assessments/${id}/plans/${planId}`,
      { subject: `${CATEGORY}.sponsor-support`, status: 'in-progress', schedule: { due: '2026-06-30' } },
      ifMatch(4),
    );
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<PlanReplyView>().plan).toEqual({
      subject: `${CATEGORY}.sponsor-support`,
      status: 'in-progress',
      schedule: { due: '2026-06-30' },
    });
    const headers = { ...ifMatch(5), 'idempotency-key': 'plan-once' };
    const first = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      { id: 'second', ...roadmapPlan },
      headers,
    );
    const again = await req(
      w.app,
      w.a.contributor,
      'POST',
      `/assessments/${id}/plans`,
      { id: 'second', ...roadmapPlan },
      headers,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await versionOf(w.app, w.a.owner, id)).toBe(6);
    const deleted = await req(
      w.app,
      w.a.contributor,
      'DELETE',
      `/assessments/${id}/plans/second`,
      undefined,
      ifMatch(6),
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json<PlanReplyView>()).toEqual({ id: 'second', plan: null, version: 7 });
    const gone = await req(
      w.app,
      w.a.contributor,
      'DELETE',
      `/assessments/${id}/plans/second`,
      undefined,
      ifMatch(7),
    );
    expect(gone.statusCode).toBe(404);
  });

  it('undoes a plan change by restoring the previous revision', async () => {
    const restored = await req(
      w.app,
      w.a.owner,
      'POST',
      `/assessments/${id}/revisions/6/restore`,
      {},
      ifMatch(7),
    );
    expect(restored.statusCode, restored.body).toBe(200);
    const list = (await req(w.app, w.a.viewer, 'GET', `/assessments/${id}/plans`)).json<PlanListView>();
    expect(list.plans.map((p) => p.planId).sort()).toEqual([planId, 'second'].sort());
  });

  it('exports the plans as CSV and iCalendar, per assessment and per organisation', async () => {
    const csv = await req(w.app, w.a.viewer, 'GET', `/assessments/${id}/plans/export/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('plans-pki.plans.csv');
    expect(csv.body).toContain('Multi-year roadmap');
    const ics = await req(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/plans/export/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Long lines are folded (CRLF and a space); unfolded, the UID names the assessment and the plan.
    expect(ics.body.replace(/\r\n /g, '')).toContain(`UID:${id}.${planId}@pkimm`);
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20260630');
    const outsider = await req(w.app, w.b.viewer, 'GET', `/orgs/${w.a.orgId}/plans/export/csv`);
    expect(outsider.statusCode).toBe(404);
  });
});
