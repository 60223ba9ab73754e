import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roadmapSettingsSchema } from '../../core/roadmap/roadmap-settings.js';
import { parseTargetLevel } from '../../core/roadmap/roadmap-json.js';
import { parseIfMatch } from '../assessments/etag.js';
import { diffStored, readRoadmap, setRoadmapSettings } from '../assessments/roadmap/roadmap-service.js';
import { DiffSchema, RoadmapSchema } from './roadmap-schemas.js';
import { AssessmentSchema } from './assessments/assessment-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { idempotencyOf, send } from './assessments/reply-helpers.js';

const Params = z.object({ id: IdParam });
const DiffParams = z.object({ a: IdParam, b: IdParam });
const Query = z.object({
  target: z
    .string()
    .refine((text) => parseTargetLevel(text) !== undefined, 'target must be a whole number from 1 to 5')
    .optional()
    .describe('an overall target 1..5 for this answer only (the stored one otherwise)'),
});
/** Targets and tracks (one revision per change, 'rate' capability), the computed roadmap, and diffs. */
export const roadmapRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['roadmap'];

  app.get(
    '/assessments/:id/roadmap',
    {
      schema: {
        tags,
        summary: 'Ranked steps to the targets in two tracks, projected levels and next-level statements',
        security: SECURITY,
        params: Params,
        querystring: Query,
        response: { 200: RoadmapSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const target = request.query.target === undefined ? undefined : parseTargetLevel(request.query.target);
      return readRoadmap(app.deps, request.principal, request.params.id, target);
    },
  );

  app.put(
    '/assessments/:id/roadmap',
    {
      schema: {
        tags,
        summary: 'Replace the targets and track overrides (If-Match required)',
        security: SECURITY,
        params: Params,
        headers: WriteHeaders,
        body: roadmapSettingsSchema,
        response: { 200: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await setRoadmapSettings(app.deps, request.principal, {
          assessmentId: request.params.id,
          expectedVersion: parseIfMatch(request.headers['if-match']),
          settings: request.body as Parameters<typeof setRoadmapSettings>[2]['settings'],
          idempotency: idempotencyOf(request, request.headers['idempotency-key']),
        }),
      ),
  );

  app.get(
    '/assessments/:a/diff/:b',
    {
      schema: {
        tags,
        summary: 'What changed from assessment a to b (also across 1.0.0 and 2.0.0); only changes are listed',
        security: SECURITY,
        params: DiffParams,
        response: { 200: DiffSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => diffStored(app.deps, request.principal, request.params.a, request.params.b),
  );
};
