import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeStatus } from '../../assessments/change-status.js';
import { parseIfMatch } from '../../assessments/etag.js';
import { deleteAssessment, getAssessment } from '../../assessments/read-assessment.js';
import { updateMetadata } from '../../assessments/update-metadata.js';
import { AssessmentSchema, MetadataBody, StatusBody } from './assessment-schemas.js';
import { errorResponses, IdParam, NoContent, SECURITY, WriteHeaders } from './common-schemas.js';
import { idempotencyOf, send } from './reply-helpers.js';

const Params = z.object({ id: IdParam });

/** One assessment: read it, change its details or status, delete it. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessments'];

  app.get(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'The assessment in our format, with its version (also the ETag) and status',
        security: SECURITY,
        params: Params,
        response: { 200: AssessmentSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) =>
      send(reply, await getAssessment(app.deps, request.principal, request.params.id)),
  );

  app.patch(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Change the title, type, organisation, assessor, dates or scope (If-Match required)',
        security: SECURITY,
        params: Params,
        headers: WriteHeaders,
        body: MetadataBody,
        response: { 200: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (request, reply) => {
      const result = await updateMetadata(app.deps, request.principal, {
        assessmentId: request.params.id,
        expectedVersion: parseIfMatch(request.headers['if-match']),
        patch: request.body,
        idempotency: idempotencyOf(request, request.headers['idempotency-key']),
      });
      return send(reply, result);
    },
  );

  app.post(
    '/assessments/:id/status',
    {
      schema: {
        tags,
        summary: "Move to draft, in-review ('review' capability) or final ('finalise', also to reopen)",
        security: SECURITY,
        params: Params,
        headers: WriteHeaders,
        body: StatusBody,
        response: { 200: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (request, reply) => {
      const result = await changeStatus(app.deps, request.principal, {
        assessmentId: request.params.id,
        expectedVersion: parseIfMatch(request.headers['if-match']),
        status: request.body.status,
        idempotency: idempotencyOf(request, request.headers['idempotency-key']),
      });
      return send(reply, result);
    },
  );

  app.delete(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft or in-review assessment with its history and evidence (not a final one)',
        security: SECURITY,
        params: Params,
        response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteAssessment(app.deps, request.principal, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
