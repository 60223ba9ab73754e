/**
 * Evidence reviews and questions sent back to respondents, on both databases: who may set a
 * review status or ask and answer (with and without participants), attempts around the rules
 * through the API, the evidence rule on stored reviews, final assessments and the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePkimmAssessment } from '../../src/core/assessment/parse-pkimm-assessment.js';
import { evidenceGaps } from '../../src/core/assurance/workflow/evidence-rule.js';
import { listReviews } from '../../src/persistence/repositories/workflow-reviews.js';
import { bearer, createToken } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  autosave,
  call,
  createAssessment,
  createWorld,
  errorOf,
  level,
  SPONSOR,
  type World,
} from './assessments-support.js';
import { addParticipant, ARCH, logIsValid, logOf, makeFinal, put } from './assurance-workflow-support.js';

interface ReviewBody {
  key: string;
  status: string;
  comment: string | null;
  reviewedBy: string | null;
}
interface QuestionBody {
  id: string;
  key: string;
  status: string;
  answer: string | null;
  answeredBy: string | null;
}

describe.each(DIALECTS)('assurance reviews and questions on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const review = (who: World['a']['owner'], id: string, key: string, status: string, comment?: string) =>
    put(w.app, who, `/assessments/${id}/reviews/${key}`, { status, ...(comment ? { comment } : {}) });
  const ask = (who: World['a']['owner'], id: string, key: string, question: string) =>
    call(w.app, who, 'POST', `/assessments/${id}/questions`, { payload: { key, question } });
  const reply = (who: World['a']['owner'], id: string, questionId: string, answer: string) =>
    call(w.app, who, 'POST', `/assessments/${id}/questions/${questionId}/answer`, { payload: { answer } });

  it('lets org owners and assessors review while there are no participants', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const unset = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reviews/${SPONSOR}`);
    expect(unset.json<ReviewBody>()).toMatchObject({
      key: SPONSOR,
      status: 'not-provided',
      reviewedBy: null,
    });
    for (const who of [w.a.contributor, w.a.viewer]) {
      expect((await review(who, id, SPONSOR, 'reviewed-supports')).statusCode, who.email).toBe(403);
    }
    const set = await review(w.a.assessor, id, SPONSOR, 'reviewed-inconclusive', 'minutes unsigned');
    expect(set.statusCode, set.body).toBe(200);
    expect((await review(w.a.owner, id, ARCH, 'reviewed-supports')).statusCode).toBe(200);
    const listed = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reviews`)).json<{
      reviews: ReviewBody[];
    }>().reviews;
    expect(listed.map((r) => [r.key, r.status, r.comment, r.reviewedBy]).sort()).toEqual(
      [
        [SPONSOR, 'reviewed-inconclusive', 'minutes unsigned', w.a.assessor.userId],
        [ARCH, 'reviewed-supports', null, w.a.owner.userId],
      ].sort(),
    );
    expect((await review(w.a.assessor, id, 'G.no-such.requirement', 'reviewed-supports')).statusCode).toBe(
      404,
    );
    expect((await review(w.a.assessor, id, SPONSOR, 'looks-fine')).statusCode).toBe(400);
    expect((await review(w.b.owner, id, SPONSOR, 'reviewed-supports')).statusCode).toBe(404);
    expect((await call(w.app, w.b.owner, 'GET', `/assessments/${id}/reviews`)).statusCode).toBe(404);
  });

  it('gives reviews to assessor and reviewer participants only, once there are participants', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    await addParticipant(w, id, w.a.contributor, 'respondent');
    await addParticipant(w, id, w.a.viewer, 'reviewer');
    await addParticipant(w, id, w.a.assessor, 'assessor');
    const respondent = await review(w.a.contributor, id, SPONSOR, 'reviewed-supports');
    expect(respondent.statusCode).toBe(403);
    // The owner keeps managing, but is no participant and so no longer judges evidence here.
    expect((await review(w.a.owner, id, SPONSOR, 'reviewed-supports')).statusCode).toBe(403);
    expect((await review(w.a.viewer, id, SPONSOR, 'reviewed-does-not-support', 'no CP')).statusCode).toBe(
      200,
    );
    expect((await review(w.a.assessor, id, SPONSOR, 'reviewed-supports', 'CP v3 seen')).statusCode).toBe(200);
    const current = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/reviews/${SPONSOR}`)
    ).json<ReviewBody>();
    expect(current).toMatchObject({
      status: 'reviewed-supports',
      comment: 'CP v3 seen',
      reviewedBy: w.a.assessor.userId,
    });
    const logged = (await logOf(w, id)).filter((e) => e.event === 'review.set');
    expect(logged.map((e) => [e.actor, e.detail['key'], e.detail['status'], e.detail['comment']])).toEqual([
      [w.a.viewer.userId, SPONSOR, 'reviewed-does-not-support', 'no CP'],
      [w.a.assessor.userId, SPONSOR, 'reviewed-supports', 'CP v3 seen'],
    ]);
    expect(await logIsValid(w, id)).toBe(true);
  });

  it('feeds stored reviews into the evidence rule', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 4))).statusCode).toBe(200);
    expect((await autosave(w.app, w.a.assessor, id, 2, level(ARCH, 3))).statusCode).toBe(200);
    expect((await review(w.a.assessor, id, SPONSOR, 'reviewed-supports')).statusCode).toBe(200);
    expect((await review(w.a.assessor, id, ARCH, 'provided-not-reviewed')).statusCode).toBe(200);
    const stored = await listReviews(w.database.handle.db, id);
    expect(stored.map((r) => [r.key, r.status]).sort()).toEqual(
      [
        [SPONSOR, 'reviewed-supports'],
        [ARCH, 'provided-not-reviewed'],
      ].sort(),
    );
    const document = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).document;
    const assessment = parsePkimmAssessment(document).assessment;
    if (!assessment) throw new Error('the stored document does not parse');
    const model = await w.app.deps.registry.get(assessment.model.id, assessment.model.version);
    const statuses = new Map(stored.map((r) => [r.key, r.status]));
    expect(evidenceGaps(assessment, model, statuses, 3)).toEqual([
      { key: ARCH, level: 3, status: 'provided-not-reviewed' },
    ]);
    expect(evidenceGaps(assessment, model, statuses, 4)).toEqual([]);
  });

  it('sends a requirement back with a question that only respondents answer, once', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    await addParticipant(w, id, w.a.contributor, 'respondent');
    await addParticipant(w, id, w.a.assessor, 'assessor');
    expect((await ask(w.a.contributor, id, SPONSOR, 'Who signs?')).statusCode).toBe(403);
    expect((await ask(w.a.assessor, id, SPONSOR, '   ')).statusCode).toBe(400);
    expect((await ask(w.a.assessor, id, 'G.no-such.requirement', 'Why?')).statusCode).toBe(404);
    const asked = await ask(w.a.assessor, id, SPONSOR, 'Who signed the steering committee minutes?');
    expect(asked.statusCode, asked.body).toBe(201);
    const question = asked.json<QuestionBody>();
    expect(question).toMatchObject({ key: SPONSOR, status: 'open', answer: null });
    const second = (await ask(w.a.assessor, id, ARCH, 'Is there a design document?')).json<QuestionBody>();

    expect((await reply(w.a.viewer, id, question.id, 'I think the CISO')).statusCode).toBe(403);
    expect((await reply(w.a.assessor, id, question.id, 'the CISO')).statusCode).toBe(403);
    expect((await reply(w.b.contributor, id, question.id, 'the CISO')).statusCode).toBe(404);
    expect((await reply(w.a.contributor, id, 'no-such-question', 'the CISO')).statusCode).toBe(404);
    const answered = await reply(w.a.contributor, id, question.id, 'The CISO, on 3 March');
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<QuestionBody>()).toMatchObject({
      status: 'answered',
      answer: 'The CISO, on 3 March',
      answeredBy: w.a.contributor.userId,
    });
    const again = await reply(w.a.contributor, id, question.id, 'Changed my mind');
    expect(again.statusCode).toBe(409);

    const open = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/questions?status=open`)).json<{
      questions: QuestionBody[];
    }>().questions;
    expect(open.map((q) => q.id)).toEqual([second.id]);
    const forSponsor = (
      await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/questions?key=${SPONSOR}`)
    ).json<{
      questions: QuestionBody[];
    }>().questions;
    expect(forSponsor.map((q) => [q.id, q.answer])).toEqual([[question.id, 'The CISO, on 3 March']]);
    const events = (await logOf(w, id)).filter((e) => e.event.startsWith('question.'));
    expect(events.map((e) => [e.event, e.actor, e.detail['id']])).toEqual([
      ['question.asked', w.a.assessor.userId, question.id],
      ['question.asked', w.a.assessor.userId, second.id],
      ['question.answered', w.a.contributor.userId, question.id],
    ]);
    expect(await logIsValid(w, id)).toBe(true);
  });

  it('lets contributors answer and assessors ask while there are no participants', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    expect((await ask(w.a.contributor, id, SPONSOR, 'Who?')).statusCode).toBe(403);
    const question = (await ask(w.a.assessor, id, SPONSOR, 'Who?')).json<QuestionBody>();
    expect((await reply(w.a.viewer, id, question.id, 'me')).statusCode).toBe(403);
    expect((await reply(w.a.contributor, id, question.id, 'the PKI team')).statusCode).toBe(200);
  });

  it('refuses workflow writes made with a read-only API token', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const readOnly = await createToken(w.app, w.a.assessor.cookie, w.a.orgId, ['assessments:read']);
    const writer = await createToken(w.app, w.a.assessor.cookie, w.a.orgId, [
      'assessments:read',
      'assessments:write',
    ]);
    const withToken = (token: string) =>
      w.app.inject({
        method: 'PUT',
        url: `/api/v1/assessments/${id}/reviews/${SPONSOR}`,
        headers: bearer(token),
        payload: { status: 'reviewed-supports' },
      });
    expect((await withToken(readOnly.token)).statusCode).toBe(403);
    expect((await withToken(writer.token)).statusCode).toBe(200);
  });

  it('refuses reviews, questions and answers on a final assessment', async () => {
    const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
    const question = (await ask(w.a.assessor, id, SPONSOR, 'Who?')).json<QuestionBody>();
    await makeFinal(w, id);
    const before = (await logOf(w, id)).length;
    for (const response of [
      await review(w.a.assessor, id, SPONSOR, 'reviewed-supports'),
      await ask(w.a.assessor, id, ARCH, 'Why?'),
      await reply(w.a.contributor, id, question.id, 'the PKI team'),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(errorOf(response).code).toBe('READ_ONLY');
    }
    expect((await logOf(w, id)).length).toBe(before);
  });
});
