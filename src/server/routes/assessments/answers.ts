import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIfMatch } from '../../assessments/etag.js';
import { saveAnswer } from '../../assessments/save-answer.js';
import { AnswerChangeBody } from './answer-schema.js';
import { AnswerResultSchema } from './assessment-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './common-schemas.js';
import { idempotencyOf, send } from './reply-helpers.js';

const Params = z.object({ id: IdParam });

/** Autosave: one rating, applicability, note, evidence text or flag per request. */
export const answerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.patch(
    '/assessments/:id/answers',
    {
      schema: {
        tags: ['autosave'],
        summary: 'Change one field of one answer, against the version in If-Match',
        description:
          'A stale If-Match gets 409 with the current version and document; a missing one 428. ' +
          'Level and applicability need a role that may rate; notes, evidence and flags one that may annotate. ' +
          'With an Idempotency-Key, a retry is answered with the stored response and applied once.',
        security: SECURITY,
        params: Params,
        headers: WriteHeaders,
        body: AnswerChangeBody,
        response: { 200: AnswerResultSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (request, reply) => {
      const result = await saveAnswer(app.deps, request.principal, {
        assessmentId: request.params.id,
        expectedVersion: parseIfMatch(request.headers['if-match']),
        change: request.body,
        idempotency: idempotencyOf(request, request.headers['idempotency-key']),
      });
      return send(reply, result);
    },
  );
};
