import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAssessment } from '../../assessments/create-assessment.js';
import { runIdempotent } from '../../assessments/idempotency.js';
import { listAssessments } from '../../assessments/list-assessments.js';
import { AssessmentSchema, CreateBody, SummarySchema } from './assessment-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './common-schemas.js';
import { idempotencyOf, send } from './reply-helpers.js';

const Params = z.object({ orgId: IdParam });

/** An organisation's assessments: the list with current levels, and creating a new one. */
export const orgAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessments'];

  app.get(
    '/orgs/:orgId/assessments',
    {
      schema: {
        tags,
        summary: "The organisation's assessments with their overall level, most recently changed first",
        security: SECURITY,
        params: Params,
        response: {
          200: z.object({ assessments: z.array(SummarySchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => ({
      assessments: await listAssessments(app.deps, request.principal, request.params.orgId),
    }),
  );

  app.post(
    '/orgs/:orgId/assessments',
    {
      schema: {
        tags,
        summary: 'Create an empty assessment of a model version (needs a role that may rate)',
        security: SECURITY,
        params: Params,
        headers: WriteHeaders.omit({ 'if-match': true }),
        body: CreateBody,
        response: { 201: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const input = {
        title: body.title,
        model: body.model,
        mode: body.mode,
        ...(body.type === undefined ? {} : { type: body.type }),
        ...(body.organisation === undefined ? {} : { organisation: body.organisation }),
        ...(body.assessor === undefined ? {} : { assessor: body.assessor }),
        ...(body.dates === undefined ? {} : { dates: body.dates }),
        ...(body.scope === undefined ? {} : { scope: body.scope }),
      };
      const result = await runIdempotent(
        app.deps,
        idempotencyOf(request, request.headers['idempotency-key']),
        (keep) => createAssessment(app.deps, request.principal, request.params.orgId, input, keep),
      );
      return send(reply, result);
    },
  );
};
