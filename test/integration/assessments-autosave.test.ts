/** Create, read, list, and the autosave contract (ETag, If-Match, 409 with state, idempotency, races), on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  anyString,
  assessmentOf,
  autosave,
  call,
  containing,
  createAssessment,
  createWorld,
  errorOf,
  ifMatch,
  level,
  revisionsOf,
  SPONSOR,
  versionOf,
  type AnswerBody,
  type ErrorBody,
  type SummaryBody,
  type World,
} from './assessments-support.js';

describe.each(DIALECTS)('assessments: create, read and autosave on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  it('creates an assessment at version 1 with an ETag, reads it back and lists it with its level', async () => {
    const created = await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments`, {
      payload: {
        title: 'Kestrel PKI 2026',
        model: { version: '2.0.0' },
        mode: 'full',
        type: 'formal',
        scope: { description: 'The internal PKI', outOfScope: '' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const body = assessmentOf(created);
    expect(body).toMatchObject({
      title: 'Kestrel PKI 2026',
      model: { id: 'pkimm', version: '2.0.0' },
      mode: 'full',
      type: 'formal',
      status: 'draft',
      version: 1,
    });
    expect(body.document).toMatchObject({
      format: 'pkimm-assessment',
      id: body.id,
      scope: { description: 'The internal PKI' },
    });
    expect(body.document.scope).not.toHaveProperty('outOfScope');

    const read = await call(w.app, w.a.viewer, 'GET', `/assessments/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(assessmentOf(read)).toEqual(body);

    expect((await autosave(w.app, w.a.assessor, body.id, 1, level(SPONSOR, 3))).statusCode).toBe(200);
    const list = await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/assessments`);
    expect(list.statusCode).toBe(200);
    const item = list.json<{ assessments: SummaryBody[] }>().assessments.find((a) => a.id === body.id);
    expect(item).toMatchObject({
      title: 'Kestrel PKI 2026',
      status: 'draft',
      version: 2,
      type: 'formal',
      mode: 'full',
    });
    expect(item?.overall).toEqual({ level: 3, name: anyString, raw: 3 });
  });

  it('rejects bad creation input precisely', async () => {
    const url = `/orgs/${w.a.orgId}/assessments`;
    const noTitle = await call(w.app, w.a.owner, 'POST', url, {
      payload: { title: ' ', model: { version: '2.0.0' }, mode: 'full' },
    });
    expect(noTitle.statusCode).toBe(400);
    expect(errorOf(noTitle).issues[0]?.path).toBe('body.title');
    const unknownModel = await call(w.app, w.a.owner, 'POST', url, {
      payload: { title: 'x', model: { version: '9.9.9' }, mode: 'full' },
    });
    expect(unknownModel.statusCode).toBe(422);
    expect(errorOf(unknownModel).code).toBe('MODEL_NOT_FOUND');
  });

  it('autosaves one change, returns the new version, ETag and overall score, and records a revision', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const saved = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 4));
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json<AnswerBody>()).toEqual({
      version: 2,
      change: level(SPONSOR, 4),
      score: { overall: { raw: 4, level: 4, name: anyString, progress: 0 } },
    });
    const note = await autosave(w.app, w.a.contributor, id, 2, {
      target: 'requirement',
      key: SPONSOR,
      field: 'notes',
      value: 'CIO signs off',
    });
    expect(note.statusCode).toBe(200);
    const na = await autosave(w.app, w.a.assessor, id, 3, {
      target: 'module',
      key: 'R',
      field: 'applicability',
      value: 'not-applicable',
      reason: 'no external relying parties',
    });
    expect(na.statusCode).toBe(200);
    const doc = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).document;
    expect(doc.requirements?.[SPONSOR]).toMatchObject({ level: 4, notes: 'CIO signs off' });
    expect(doc.modules).toEqual({
      R: { applicability: 'not-applicable', reason: 'no external relying parties' },
    });
  });

  it('answers 428 without If-Match and 409 with the current state for a stale one', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const missing = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}/answers`, {
      payload: level(SPONSOR, 2),
    });
    expect(missing.statusCode).toBe(428);
    expect(errorOf(missing).code).toBe('PRECONDITION_REQUIRED');
    const garbage = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2), { 'if-match': '*' });
    expect(garbage.statusCode).toBe(400);

    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
    const stale = await autosave(w.app, w.a.owner, id, 1, level(SPONSOR, 5));
    expect(stale.statusCode).toBe(409);
    const body = stale.json<ErrorBody>();
    expect(body.error.code).toBe('CONFLICT');
    expect(body.current?.version).toBe(2);
    expect(body.current?.status).toBe('draft');
    expect(body.current?.document.requirements?.[SPONSOR]?.level).toBe(2);
    expect(stale.headers.etag).toBe('"2"');
  });

  it('names unknown keys and impossible fields, and requires a reason for partial and not-applicable', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const typo = await autosave(w.app, w.a.assessor, id, 1, level('G.strategy-and-vision.sponsor-suport', 2));
    expect(typo.statusCode).toBe(422);
    expect(errorOf(typo).issues[0]).toMatchObject({
      path: 'requirements.G.strategy-and-vision.sponsor-suport',
      message: containing(`did you mean ${SPONSOR}`),
    });
    const badModule = await autosave(w.app, w.a.assessor, id, 1, {
      target: 'module',
      key: 'X',
      field: 'applicability',
      value: 'applicable',
    });
    expect(badModule.statusCode).toBe(422);
    const moduleLevel = await autosave(w.app, w.a.assessor, id, 1, {
      target: 'module',
      key: 'G',
      field: 'level',
      value: 2,
    });
    expect(moduleLevel.statusCode).toBe(400);
    const outOfRange = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 6));
    expect(outOfRange.statusCode).toBe(400);
    const noReason = await autosave(w.app, w.a.assessor, id, 1, {
      target: 'requirement',
      key: SPONSOR,
      field: 'applicability',
      value: 'partial',
    });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).issues[0]?.path).toBe('body.reason');
    const twoChanges = await autosave(w.app, w.a.assessor, id, 1, {
      ...level(SPONSOR, 2),
      extra: { field: 'notes' },
    });
    expect(twoChanges.statusCode).toBe(400);
    expect(await versionOf(w.app, w.a.viewer, id)).toBe(1);
  });

  it('applies a retried request with the same Idempotency-Key once and replays the response', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const key = { 'idempotency-key': 'save-1' };
    const first = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 3), key);
    const retry = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 3), key);
    expect(first.statusCode).toBe(200);
    expect(retry.statusCode).toBe(200);
    expect(retry.body).toBe(first.body);
    expect(retry.headers.etag).toBe('"2"');
    expect((await revisionsOf(w.app, w.a.viewer, id)).map((r) => r.version)).toEqual([1, 2]);

    const reused = await autosave(w.app, w.a.assessor, id, 2, level(SPONSOR, 4), key);
    expect(reused.statusCode).toBe(422);
    expect(errorOf(reused).code).toBe('IDEMPOTENCY_MISMATCH');
    // Keys belong to their user: another user's identical key is a new request.
    const other = await autosave(w.app, w.a.owner, id, 2, level(SPONSOR, 4), key);
    expect(other.statusCode).toBe(200);
  });

  it('applies concurrent copies of one idempotent request once and answers all of them alike', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const copies = await Promise.all(
      Array.from({ length: 8 }, () =>
        autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2), { 'idempotency-key': 'burst' }),
      ),
    );
    expect(copies.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(copies.map((r) => r.body)).size).toBe(1);
    expect(await revisionsOf(w.app, w.a.viewer, id)).toHaveLength(2);
  });

  it('lets exactly one of 20 concurrent autosaves on the same version through', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const keys = [
      'G.strategy-and-vision.sponsor-support',
      'G.strategy-and-vision.responsible-leadership',
      'G.strategy-and-vision.scope-and-drivers',
      'G.strategy-and-vision.architecture',
    ];
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        autosave(w.app, i % 2 ? w.a.owner : w.a.assessor, id, 1, level(keys[i % 4] as string, (i % 5) + 1)),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = responses.find((r) => r.statusCode === 200)?.json<AnswerBody>();
    const read = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
    expect(read.version).toBe(2);
    expect(Object.keys(read.document.requirements ?? {})).toEqual([winner?.change.key]);
    expect(read.document.requirements?.[winner?.change.key ?? '']?.level).toBe(winner?.change.value);
    expect(await revisionsOf(w.app, w.a.viewer, id)).toHaveLength(2);
  });

  it('publishes every assessment route in the OpenAPI document', async () => {
    const doc = (await w.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { responses: object }>>;
    }>();
    for (const path of [
      '/api/v1/orgs/{orgId}/assessments',
      '/api/v1/orgs/{orgId}/assessments/import',
      '/api/v1/assessments/{id}',
      '/api/v1/assessments/{id}/answers',
      '/api/v1/assessments/{id}/status',
      '/api/v1/assessments/{id}/score',
      '/api/v1/assessments/{id}/revisions',
      '/api/v1/assessments/{id}/revisions/{version}/restore',
      '/api/v1/assessments/{id}/export',
      '/api/v1/assessments/{id}/evidence',
      '/api/v1/evidence/{evidenceId}/content',
      '/api/v1/evidence/{evidenceId}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/v1/assessments/{id}/answers']?.['patch']?.responses).toHaveProperty(['409']);
  });

  it('changes metadata against If-Match as one revision', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { organisation: 'Kestrel' });
    const patched = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}`, {
      payload: { title: 'Renamed', organisation: null, scope: { description: 'Issuing CAs' } },
      headers: ifMatch(1),
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(assessmentOf(patched)).toMatchObject({ title: 'Renamed', version: 2 });
    expect(assessmentOf(patched).document).not.toHaveProperty('organisation');
    const list = (await call(w.app, w.a.viewer, 'GET', `/orgs/${w.a.orgId}/assessments`)).json<{
      assessments: SummaryBody[];
    }>();
    expect(list.assessments.find((a) => a.id === id)?.title).toBe('Renamed');
    const empty = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}`, {
      payload: {},
      headers: ifMatch(2),
    });
    expect(empty.statusCode).toBe(400);
    const stale = await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}`, {
      payload: { title: 'x' },
      headers: ifMatch(1),
    });
    expect(stale.statusCode).toBe(409);
  });
});
