import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Rating } from '../../core/assessment/assessment.types.js';
import { etagOf, parseIfMatch } from '../assessments/etag.js';
import { recordConsensus } from '../assurance/workflow/consensus.js';
import {
  addParticipant,
  listParticipantViews,
  removeParticipant,
  stateOwn,
} from '../assurance/workflow/participants.js';
import { answer, askQuestion, listQuestionViews } from '../assurance/workflow/questions.js';
import { putOwnRating, respondentRatings } from '../assurance/workflow/respondent-ratings.js';
import { getReviewView, listReviewViews, setReview } from '../assurance/workflow/reviews.js';
import { errorResponses, IdParam, NoContent, SECURITY } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import {
  AddParticipantBody,
  AnswerBody,
  AskBody,
  ConsensusBody,
  ParticipantRoleSchema,
  ParticipantSchema,
  QuestionQuery,
  QuestionSchema,
  RequirementKeyParam,
  RespondentRatingBody,
  RespondentRatingsSchema,
  ReviewBody,
  ReviewSchema,
  StatementBody,
  StatementSchema,
} from './workflow-schemas.js';

const Params = z.object({ id: IdParam });
const KeyParams = Params.extend({ key: RequirementKeyParam });
const writes = errorResponses(400, 401, 403, 404, 409);

/**
 * The assurance workflow of an assessment (docs/assurance.md#workflow): participants, evidence
 * reviews, questions to respondents, respondents' ratings and the consensus. Routes only parse
 * and delegate; every rule is checked in server/assurance/workflow.
 */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['assurance'];
  const deps = app.deps;

  app.get(
    '/assessments/:id/participants',
    {
      schema: {
        tags,
        summary: 'Who takes part in the assessment, in which role, with their statements',
        security: SECURITY,
        params: Params,
        response: {
          200: z.object({ participants: z.array(ParticipantSchema) }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => ({
      participants: await listParticipantViews(deps, request.principal, request.params.id),
    }),
  );

  app.post(
    '/assessments/:id/participants',
    {
      schema: {
        tags,
        summary: 'Add a member or invited account as respondent, assessor, reviewer or approver (owners)',
        security: SECURITY,
        params: Params,
        body: AddParticipantBody,
        response: { 201: ParticipantSchema, ...writes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addParticipant(deps, request.principal, request.params.id, request.body)),
  );

  app.delete(
    '/assessments/:id/participants/:userId/:role',
    {
      schema: {
        tags,
        summary: 'Remove one participant role (owners)',
        security: SECURITY,
        params: Params.extend({ userId: IdParam, role: ParticipantRoleSchema }),
        response: { 204: NoContent, ...writes },
      },
    },
    async (request, reply) => {
      const { id, userId, role } = request.params;
      await removeParticipant(deps, request.principal, id, userId, role);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/assessments/:id/participants/me/statement',
    {
      schema: {
        tags,
        summary: 'State your own independence and qualification for this assessment',
        description: 'An invited (external) assessor may rate and review only after this statement.',
        security: SECURITY,
        params: Params,
        body: StatementBody,
        response: { 200: StatementSchema, ...writes },
      },
    },
    async (request) => {
      const { userId: _, ...statement } = await stateOwn(
        deps,
        request.principal,
        request.params.id,
        request.body,
      );
      return statement;
    },
  );

  app.get(
    '/assessments/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Evidence reviews recorded so far (requirements not listed are not-provided)',
        security: SECURITY,
        params: Params,
        response: { 200: z.object({ reviews: z.array(ReviewSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ reviews: await listReviewViews(deps, request.principal, request.params.id) }),
  );

  app.get(
    '/assessments/:id/reviews/:key',
    {
      schema: {
        tags,
        summary: "One requirement's evidence review",
        security: SECURITY,
        params: KeyParams,
        response: { 200: ReviewSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => getReviewView(deps, request.principal, request.params.id, request.params.key),
  );

  app.put(
    '/assessments/:id/reviews/:key',
    {
      schema: {
        tags,
        summary: "Set a requirement's evidence review status and comment (assessors and reviewers)",
        security: SECURITY,
        params: KeyParams,
        body: ReviewBody,
        response: { 200: ReviewSchema, ...writes },
      },
    },
    async (request) =>
      setReview(deps, request.principal, request.params.id, request.params.key, request.body),
  );

  app.get(
    '/assessments/:id/questions',
    {
      schema: {
        tags,
        summary: 'Questions sent back to the respondents, oldest first',
        security: SECURITY,
        params: Params,
        querystring: QuestionQuery,
        response: { 200: z.object({ questions: z.array(QuestionSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      questions: await listQuestionViews(deps, request.principal, request.params.id, request.query),
    }),
  );

  app.post(
    '/assessments/:id/questions',
    {
      schema: {
        tags,
        summary: 'Send a requirement back to the respondents with a question (assessors)',
        security: SECURITY,
        params: Params,
        body: AskBody,
        response: { 201: QuestionSchema, ...writes },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await askQuestion(deps, request.principal, request.params.id, request.body)),
  );

  app.post(
    '/assessments/:id/questions/:questionId/answer',
    {
      schema: {
        tags,
        summary: 'Answer an open question (respondents)',
        security: SECURITY,
        params: Params.extend({ questionId: IdParam }),
        body: AnswerBody,
        response: { 200: QuestionSchema, ...writes },
      },
    },
    async (request) =>
      answer(deps, request.principal, request.params.id, request.params.questionId, request.body.answer),
  );

  app.get(
    '/assessments/:id/respondent-ratings/:key',
    {
      schema: {
        tags,
        summary: "Every respondent's rating of a requirement, their spread and the consensus",
        security: SECURITY,
        params: KeyParams,
        response: { 200: RespondentRatingsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => respondentRatings(deps, request.principal, request.params.id, request.params.key),
  );

  app.put(
    '/assessments/:id/respondent-ratings/:key/:userId',
    {
      schema: {
        tags,
        summary: 'Give your own rating of a requirement (respondents; userId is "me" or your own id)',
        description: "Respondents' ratings never change the assessment's rating; the consensus does.",
        security: SECURITY,
        params: KeyParams.extend({ userId: IdParam }),
        body: RespondentRatingBody,
        response: { 200: RespondentRatingsSchema, ...writes },
      },
    },
    async (request) => {
      const { id, key, userId } = request.params;
      return putOwnRating(deps, request.principal, id, key, userId, request.body);
    },
  );

  app.post(
    '/assessments/:id/consensus/:key',
    {
      schema: {
        tags,
        summary: "Record the agreed rating as the assessment's rating, with a note (assessors; If-Match)",
        security: SECURITY,
        params: KeyParams,
        body: ConsensusBody,
        response: {
          200: RespondentRatingsSchema.extend({ version: z.number().int() }),
          ...writes,
          ...errorResponses(428),
        },
      },
    },
    async (request, reply) => {
      const { id, key } = request.params;
      const result = await recordConsensus(deps, request.principal, id, key, {
        expectedVersion: parseIfMatch(request.headers['if-match']),
        level: request.body.level as Rating,
        note: request.body.note,
      });
      reply.header('etag', etagOf(result.version));
      return { ...result.view, version: result.version };
    },
  );
};
