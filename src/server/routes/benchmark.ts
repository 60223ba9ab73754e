import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  isProfileCode,
  PROFILE_FIELDS,
  profileOptions,
  type ProfileField,
} from '../../core/benchmark/profiles.js';
import { compare } from '../benchmark/compare.js';
import { listSubmissions, previewSubmission, submit, withdraw } from '../benchmark/benchmark-service.js';
import { requireUser } from '../auth/access.js';
import {
  CompareSchema,
  PreviewSchema,
  ProfileOptionsSchema,
  SubmissionListSchema,
  SubmissionSchema,
} from './benchmark-schemas.js';
import { errorResponses, IdParam, NoContent, SECURITY } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';

function code(field: ProfileField) {
  return z
    .string()
    .refine((value) => isProfileCode(field, value), `is not a ${field} code of /benchmark/profile-options`);
}
const ProfileSchema = z.strictObject({
  industry: code('industry'),
  size: code('size'),
  region: code('region'),
  role: code('role'),
  cas: code('cas'),
});
const Body = z.strictObject({ profile: ProfileSchema });
const TypeList = z
  .string()
  .transform((text) => text.split(',').map((t) => t.trim()))
  .pipe(z.array(z.enum(['self', 'formal', 'third-party'])).min(1));
const CompareQuery = z.object({
  industry: code('industry').optional(),
  size: code('size').optional(),
  region: code('region').optional(),
  role: code('role').optional(),
  cas: code('cas').optional(),
  types: TypeList.optional(),
  weighting: z.enum(['none', 'trust']).default('none'),
});
const Params = z.object({ id: IdParam });
const OrgParams = z.object({ orgId: IdParam });
const WithdrawParams = z.object({ orgId: IdParam, modelVersion: z.string().min(1).max(40) });

/** The local benchmark pool (docs/benchmark.md): profile lists, preview, submit, withdraw, compare. */
export const benchmarkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['benchmark'];

  app.get(
    '/benchmark/profile-options',
    {
      schema: {
        tags,
        summary: 'The fixed lists a benchmark profile is chosen from',
        security: SECURITY,
        response: { 200: ProfileOptionsSchema, ...errorResponses(401) },
      },
    },
    async (request) => {
      requireUser(request.principal);
      return profileOptions();
    },
  );

  app.post(
    '/assessments/:id/benchmark/preview',
    {
      schema: {
        tags,
        summary: 'Exactly what a submission would store (owner, final assessments)',
        security: SECURITY,
        params: Params,
        body: Body,
        response: { 200: PreviewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      previewSubmission(app.deps, request.principal, request.params.id, request.body.profile),
  );

  app.post(
    '/assessments/:id/benchmark/submission',
    {
      schema: {
        tags,
        summary:
          "Submit to the local pool, replacing the organisation's earlier submission for the model version",
        security: SECURITY,
        params: Params,
        body: Body,
        response: { 201: SubmissionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submit(app.deps, request.principal, request.params.id, request.body.profile, request.ip)),
  );

  app.get(
    '/orgs/:orgId/benchmark/submissions',
    {
      schema: {
        tags,
        summary: "The organisation's submissions",
        security: SECURITY,
        params: OrgParams,
        response: { 200: SubmissionListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => listSubmissions(app.deps, request.principal, request.params.orgId),
  );

  app.delete(
    '/orgs/:orgId/benchmark/submissions/:modelVersion',
    {
      schema: {
        tags,
        summary: 'Withdraw the submission for a model version (owner)',
        security: SECURITY,
        params: WithdrawParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await withdraw(
        app.deps,
        request.principal,
        request.params.orgId,
        request.params.modelVersion,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/assessments/:id/benchmark/compare',
    {
      schema: {
        tags,
        summary: 'The assessment against a peer group, or why the group may not be shown',
        security: SECURITY,
        params: Params,
        querystring: CompareQuery,
        response: { 200: CompareSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const q = request.query;
      const filters: Partial<Record<ProfileField, string>> = {};
      for (const field of PROFILE_FIELDS) {
        const value = q[field];
        if (value !== undefined) filters[field] = value;
      }
      return compare(app.deps, request.principal, request.params.id, {
        filters,
        types: q.types ?? ['self', 'formal', 'third-party'],
        weighting: q.weighting,
      });
    },
  );
};
