/**
 * Participants of an assessment on both databases: only owners name them, only members or
 * invited accounts can take part, an invited assessor must state independence and
 * qualification before rating or reviewing, participant roles narrow who rates, and a final
 * assessment refuses every change. Every step is in the assessment's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  autosave,
  call,
  containing,
  createAssessment,
  createWorld,
  errorOf,
  level,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';
import { addParticipant, invite, logIsValid, logOf, makeFinal, put } from './assurance-workflow-support.js';

interface ParticipantBody {
  userId: string;
  role: string;
  external: boolean;
  statement: { independence: string; qualification: string } | null;
}

describe.each(DIALECTS)('assurance participants on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const participants = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/participants`)).json<{
      participants: ParticipantBody[];
    }>().participants;

  it('lets only owners add and remove participants, and logs both', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    for (const who of [w.a.assessor, w.a.contributor, w.a.viewer]) {
      const refused = await call(w.app, who, 'POST', `/assessments/${id}/participants`, {
        payload: { userId: who.userId, role: 'reviewer' },
      });
      expect(refused.statusCode, who.email).toBe(403);
    }
    await addParticipant(w, id, w.a.contributor, 'respondent');
    await addParticipant(w, id, w.a.assessor, 'assessor');
    const byRole = (rows: [string, string, boolean][]) => rows.sort((x, y) => x[1].localeCompare(y[1]));
    expect(byRole((await participants(id)).map((p) => [p.userId, p.role, p.external]))).toEqual(
      byRole([
        [w.a.contributor.userId, 'respondent', false],
        [w.a.assessor.userId, 'assessor', false],
      ]),
    );
    const twice = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
      payload: { userId: w.a.assessor.userId, role: 'assessor' },
    });
    expect(twice.statusCode).toBe(409);
    const byAssessor = await call(
      w.app,
      w.a.assessor,
      'DELETE',
      `/assessments/${id}/participants/${w.a.contributor.userId}/respondent`,
    );
    expect(byAssessor.statusCode).toBe(403);
    const removed = await call(
      w.app,
      w.a.owner,
      'DELETE',
      `/assessments/${id}/participants/${w.a.contributor.userId}/respondent`,
    );
    expect(removed.statusCode).toBe(204);
    const again = await call(
      w.app,
      w.a.owner,
      'DELETE',
      `/assessments/${id}/participants/${w.a.contributor.userId}/respondent`,
    );
    expect(again.statusCode).toBe(404);
    expect((await participants(id)).map((p) => p.userId)).toEqual([w.a.assessor.userId]);
    const events = (await logOf(w, id)).filter((e) => e.event.startsWith('participant.'));
    expect(events.map((e) => [e.event, e.detail['userId'], e.detail['role']])).toEqual([
      ['participant.added', w.a.contributor.userId, 'respondent'],
      ['participant.added', w.a.assessor.userId, 'assessor'],
      ['participant.removed', w.a.contributor.userId, 'respondent'],
    ]);
    expect(events.every((e) => e.actor === w.a.owner.userId)).toBe(true);
    expect(await logIsValid(w, id)).toBe(true);
  });

  it('refuses outsiders and roles the account cannot fill; other tenants get 404', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const outsider = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
      payload: { userId: w.b.assessor.userId, role: 'assessor' },
    });
    expect(outsider.statusCode).toBe(400);
    const viewerAnswering = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
      payload: { userId: w.a.viewer.userId, role: 'respondent' },
    });
    expect(viewerAnswering.statusCode).toBe(400);
    const contributorRating = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
      payload: { userId: w.a.contributor.userId, role: 'assessor' },
    });
    expect(contributorRating.statusCode).toBe(400);
    // A viewer may still be a second pair of eyes or sign off.
    await addParticipant(w, id, w.a.viewer, 'approver');
    for (const [method, url] of [
      ['GET', `/assessments/${id}/participants`],
      ['POST', `/assessments/${id}/participants`],
      ['DELETE', `/assessments/${id}/participants/${w.a.viewer.userId}/approver`],
    ] as const) {
      const response = await call(w.app, w.b.owner, method, url, {
        ...(method === 'POST' ? { payload: { userId: w.b.owner.userId, role: 'assessor' } } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await participants(id)).map((p) => p.role)).toEqual(['approver']);
  });

  it('keeps an invited assessor from rating and reviewing until they state independence and qualification', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const external = await invite(w, id, `external-${dialect}@auditors.test`);
    await addParticipant(w, id, external, 'assessor');
    expect((await participants(id)).find((p) => p.userId === external.userId)).toMatchObject({
      external: true,
      statement: null,
    });
    const rating = await autosave(w.app, external, id, 1, level(SPONSOR, 3));
    expect(rating.statusCode).toBe(403);
    expect(errorOf(rating).message).toEqual(containing('independence and qualification'));
    const review = await put(w.app, external, `/assessments/${id}/reviews/${SPONSOR}`, {
      status: 'reviewed-supports',
    });
    expect(review.statusCode).toBe(403);
    // Nobody states it for them: an owner's statement is their own, and an empty one is no statement.
    const blank = await call(w.app, external, 'POST', `/assessments/${id}/participants/me/statement`, {
      payload: { independence: '   ', qualification: 'CISA' },
    });
    expect(blank.statusCode).toBe(400);
    const byOwner = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants/me/statement`, {
      payload: { independence: 'none', qualification: 'none' },
    });
    expect(byOwner.statusCode).toBe(403);
    expect((await autosave(w.app, external, id, 1, level(SPONSOR, 3))).statusCode).toBe(403);

    const statement = {
      independence: 'No ties to the organisation for 5 years',
      qualification: 'CISA, 10 PKI audits',
    };
    const stated = await call(w.app, external, 'POST', `/assessments/${id}/participants/me/statement`, {
      payload: statement,
    });
    expect(stated.statusCode, stated.body).toBe(200);
    expect(stated.json()).toMatchObject(statement);
    expect((await autosave(w.app, external, id, 1, level(SPONSOR, 3))).statusCode).toBe(200);
    const reviewed = await put(w.app, external, `/assessments/${id}/reviews/${SPONSOR}`, {
      status: 'reviewed-supports',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect((await participants(id)).find((p) => p.userId === external.userId)?.statement).toMatchObject(
      statement,
    );
    const entry = (await logOf(w, id)).find((e) => e.event === 'participant.statement');
    expect(entry).toMatchObject({ actor: external.userId, detail: statement });
    expect(await logIsValid(w, id)).toBe(true);
  });

  it('leaves an invited assessor rating as before while the assessment has no participants', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const external = await invite(w, id, `plain-${dialect}@auditors.test`);
    expect((await autosave(w.app, external, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
  });

  it('lets only assessor participants (and members outside the workflow) rate a workflow assessment', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    await addParticipant(w, id, w.a.assessor, 'respondent');
    const respondent = await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 4));
    expect(respondent.statusCode).toBe(403);
    expect(errorOf(respondent).message).toEqual(containing('assessor participants'));
    await addParticipant(w, id, w.a.owner, 'reviewer');
    expect((await autosave(w.app, w.a.owner, id, 1, level(SPONSOR, 4))).statusCode).toBe(403);
    // Taking the assessor role as well makes the owner an assessor participant.
    await addParticipant(w, id, w.a.owner, 'assessor');
    expect((await autosave(w.app, w.a.owner, id, 1, level(SPONSOR, 4))).statusCode).toBe(200);
    expect(await versionOf(w.app, w.a.owner, id)).toBe(2);
  });

  it('refuses participant changes and statements once the assessment is final', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    await addParticipant(w, id, w.a.assessor, 'assessor');
    await makeFinal(w, id);
    const before = (await logOf(w, id)).length;
    const add = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
      payload: { userId: w.a.contributor.userId, role: 'respondent' },
    });
    const remove = await call(
      w.app,
      w.a.owner,
      'DELETE',
      `/assessments/${id}/participants/${w.a.assessor.userId}/assessor`,
    );
    const statement = await call(
      w.app,
      w.a.assessor,
      'POST',
      `/assessments/${id}/participants/me/statement`,
      {
        payload: { independence: 'internal', qualification: 'CISSP' },
      },
    );
    for (const response of [add, remove, statement]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response).code).toBe('READ_ONLY');
    }
    expect((await participants(id)).map((p) => p.userId)).toEqual([w.a.assessor.userId]);
    expect((await logOf(w, id)).length).toBe(before);
  });
});
