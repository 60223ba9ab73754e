/** Score on read, status and read-only final assessments, revisions and restore, deletion, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAssessmentText } from '../../src/assessment-io/read-assessment.js';
import { scoreToJson } from '../../src/core/scoring/score-json.js';
import { analyseGaps } from '../../src/core/scoring/gap-analysis.js';
import { scoreAssessment } from '../../src/core/scoring/score-assessment.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  autosave,
  call,
  createAssessment,
  createWorld,
  errorOf,
  example,
  ifMatch,
  level,
  revisionsOf,
  SPONSOR,
  type EvidenceBody,
  type ScoreBody,
  type World,
} from './assessments-support.js';

const ARCH = 'G.strategy-and-vision.architecture';

describe.each(DIALECTS)('assessments: score, status, revisions on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const importSample = async () => {
    const response = await call(w.app, w.a.owner, 'POST', `/orgs/${w.a.orgId}/assessments/import`, {
      payload: example('sample-assessment-2.0.0.yaml'),
      headers: { 'content-type': 'application/yaml' },
    });
    expect(response.statusCode).toBe(201);
    return assessmentOf(response).id;
  };

  it('returns exactly what scoreToJson computes, with gaps on request', async () => {
    const id = await importSample();
    const { assessment, model } = await parseAssessmentText(
      example('sample-assessment-2.0.0.yaml'),
      'sample',
      w.app.deps.registry,
    );
    const report = scoreAssessment(model, assessment);
    const score = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/score`);
    expect(score.statusCode).toBe(200);
    expect(score.json<ScoreBody>()).toEqual(JSON.parse(JSON.stringify(scoreToJson(report))));
    const gaps = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/score?gaps=true`)
    ).json<ScoreBody>();
    expect(gaps).toEqual(
      JSON.parse(JSON.stringify(scoreToJson(report, { gaps: analyseGaps(model, assessment, report) }))),
    );
    expect(gaps.gaps?.length).toBeGreaterThan(0);
  });

  it('makes a final assessment read-only for every write, until an owner reopens it', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    const evidence = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/evidence`, {
      payload: { kind: 'text', title: 'Minutes', text: 'SC-2025-11', requirements: [SPONSOR] },
    });
    expect(evidence.statusCode).toBe(201);
    const review = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'in-review' },
      headers: ifMatch(1),
    });
    expect(review.statusCode).toBe(200);
    expect(assessmentOf(review)).toMatchObject({ status: 'in-review', version: 2 });
    const notAllowed = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'final' },
      headers: ifMatch(2),
    });
    expect(notAllowed.statusCode).toBe(403);
    const final = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'final' },
      headers: ifMatch(2),
    });
    expect(final.statusCode).toBe(200);
    expect(final.headers.etag).toBe('"3"');

    const writes = [
      autosave(w.app, w.a.owner, id, 3, level(SPONSOR, 2)),
      call(w.app, w.a.owner, 'PATCH', `/assessments/${id}`, { payload: { title: 'x' }, headers: ifMatch(3) }),
      call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/1/restore`, { headers: ifMatch(3) }),
      call(w.app, w.a.owner, 'POST', `/assessments/${id}/evidence`, {
        payload: { kind: 'link', title: 'x', url: 'https://example.com', requirements: [SPONSOR] },
      }),
      call(w.app, w.a.owner, 'DELETE', `/evidence/${evidence.json<EvidenceBody>().id}`),
      call(w.app, w.a.owner, 'DELETE', `/assessments/${id}`),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response)).toMatchObject({ code: 'READ_ONLY', message: 'assessment is final' });
    }
    expect(assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).version).toBe(3);
    const reopenByAssessor = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'draft' },
      headers: ifMatch(3),
    });
    expect(reopenByAssessor.statusCode).toBe(403);
    const reopen = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'draft' },
      headers: ifMatch(3),
    });
    expect(reopen.statusCode).toBe(200);
    expect((await autosave(w.app, w.a.owner, id, 4, level(SPONSOR, 2))).statusCode).toBe(200);
  });

  it('records who changed what with the entry before and after, and restores an earlier version as a new revision', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2)); // v2
    await autosave(w.app, w.a.contributor, id, 2, {
      target: 'requirement',
      key: SPONSOR,
      field: 'notes',
      value: 'first',
    }); // v3
    await autosave(w.app, w.a.assessor, id, 3, level(SPONSOR, 5)); // v4
    await autosave(w.app, w.a.assessor, id, 4, level(ARCH, 1)); // v5
    await call(w.app, w.a.assessor, 'PATCH', `/assessments/${id}`, {
      payload: { title: 'Renamed', type: 'self' },
      headers: ifMatch(5),
    }); // v6
    const atV6 = await revisionsOf(w.app, w.a.viewer, id);
    expect(atV6.map((r) => [r.version, r.kind])).toEqual([
      [1, 'create'],
      [2, 'requirement.level'],
      [3, 'requirement.notes'],
      [4, 'requirement.level'],
      [5, 'requirement.level'],
      [6, 'metadata'],
    ]);
    const third = atV6[2];
    expect(third?.actor).toEqual({ userId: w.a.contributor.userId, email: w.a.contributor.email });
    expect(third?.path).toEqual(['requirements', SPONSOR]);
    expect(third?.before).toMatchObject({ level: 2 });
    expect(third?.before).not.toHaveProperty('notes');
    expect(third?.after).toMatchObject({ level: 2, notes: 'first' });
    expect(atV6[1]?.before).toBeNull();
    expect(atV6[5]).toMatchObject({
      path: [],
      before: { title: 'Test assessment', type: null },
      after: { title: 'Renamed', type: 'self' },
    });

    const byAssessor = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/revisions/3/restore`, {
      headers: ifMatch(6),
    });
    expect(byAssessor.statusCode).toBe(403);
    const missing = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/99/restore`, {
      headers: ifMatch(6),
    });
    expect(missing.statusCode).toBe(404);
    const restored = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/3/restore`, {
      headers: ifMatch(6),
    });
    expect(restored.statusCode).toBe(200);
    expect(restored.headers.etag).toBe('"7"');
    const body = assessmentOf(restored);
    expect(body).toMatchObject({ version: 7, title: 'Test assessment', type: null });
    expect(Object.keys(body.document.requirements ?? {})).toEqual([SPONSOR]);
    expect(body.document.requirements?.[SPONSOR]).toMatchObject({ level: 2, notes: 'first' });
    expect(
      (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/score`)).json<ScoreBody>().overall.raw,
    ).toBe(2);

    // The restore is itself a revision, and restoring the version before it undoes it.
    const history = await revisionsOf(w.app, w.a.viewer, id);
    expect(history.at(-1)).toMatchObject({ version: 7, kind: 'restore', path: [] });
    const undo = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/6/restore`, {
      headers: ifMatch(7),
    });
    expect(assessmentOf(undo)).toMatchObject({ version: 8, title: 'Renamed', type: 'self' });
    expect(assessmentOf(undo).document.requirements?.[SPONSOR]?.level).toBe(5);
    expect(assessmentOf(undo).document.requirements?.[ARCH]?.level).toBe(1);
    const beforeAny = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/1/restore`, {
      headers: ifMatch(8),
    });
    expect(assessmentOf(beforeAny).document).not.toHaveProperty('requirements');
  });

  it('restores every earlier version exactly, after a mix of every kind of change', async () => {
    const id = await importSample();
    const snapshots = new Map<number, unknown>();
    const snap = async () => {
      const read = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
      snapshots.set(read.version, read.document);
      return read.version;
    };
    let version = await snap();
    const changes: Record<string, unknown>[] = [
      level(SPONSOR, 1),
      { target: 'requirement', key: SPONSOR, field: 'notes', value: null },
      { target: 'requirement', key: ARCH, field: 'flagged', value: true },
      { target: 'category', key: 'G.compliance', field: 'level', value: 0 },
      { target: 'module', key: 'O', field: 'applicability', value: 'partial', reason: 'one site' },
      {
        target: 'requirement',
        key: 'G.policies-and-documentation.disclosure-statement',
        field: 'applicability',
        value: 'applicable',
      },
      level('R.awareness.pki-disclosure', 5),
    ];
    for (const change of changes) {
      expect((await autosave(w.app, w.a.owner, id, version, change)).statusCode).toBe(200);
      version = await snap();
    }
    const patch = { scope: null, dates: { start: '2027-01-01' }, title: 'Changed' };
    expect(
      (
        await call(w.app, w.a.owner, 'PATCH', `/assessments/${id}`, {
          payload: patch,
          headers: ifMatch(version),
        })
      ).statusCode,
    ).toBe(200);
    version = await snap();
    expect(
      (
        await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
          payload: { status: 'in-review' },
          headers: ifMatch(version),
        })
      ).statusCode,
    ).toBe(200);
    version = await snap();
    for (const [at, document] of [...snapshots].reverse()) {
      const restored = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/${at}/restore`, {
        headers: ifMatch(version),
      });
      expect(restored.statusCode).toBe(200);
      expect(assessmentOf(restored).document, `version ${at}`).toEqual(document);
      expect(assessmentOf(restored).status).toBe('in-review');
      version = assessmentOf(restored).version;
    }
  });

  it('deletes an assessment with its history, owners only', async () => {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    expect((await call(w.app, w.a.assessor, 'DELETE', `/assessments/${id}`)).statusCode).toBe(403);
    expect((await call(w.app, w.a.owner, 'DELETE', `/assessments/${id}`)).statusCode).toBe(204);
    expect((await call(w.app, w.a.owner, 'GET', `/assessments/${id}`)).statusCode).toBe(404);
    const left = await w.database.handle.db
      .selectFrom('revisions')
      .select('id')
      .where('assessment_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });
});
