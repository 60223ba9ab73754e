import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import { isProfileCode, PROFILE_FIELDS, type ProfileField } from '../../core/benchmark/profiles.js';
import {
  deleteSubmission,
  listOwnSubmissions,
  upsertSubmission,
} from '../../persistence/repositories/benchmark.js';
import { comparePool } from '../benchmark/compare.js';
import { CompareSchema, SubmissionListSchema } from '../routes/benchmark-schemas.js';
import { errorResponses, NoContent } from '../routes/assessments/common-schemas.js';
import { requireHubToken } from './hub-auth.js';

/** The pool name of hub rows in benchmark_submissions. */
export const HUB_POOL = 'hub';

const code = (field: ProfileField) =>
  z.string().refine((value) => isProfileCode(field, value), `is not a ${field} code`);
const Profile = z.strictObject({
  industry: code('industry'),
  size: code('size'),
  region: code('region'),
  role: code('role'),
  cas: code('cas'),
});
// The HMAC-SHA256 of the submitting server, base64url: 43 characters, nothing else accepted.
const OrgHash = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url HMAC-SHA256 (43 characters)');
const ModelVersion = z.string().min(1).max(40);
const Level = z.union([z.number().min(0).max(5), z.literal('n/a')]);
const Key = z.string().min(1).max(200);
const Type = z.enum(['self', 'formal', 'third-party']);

const SubmitBody = z.strictObject({
  orgHash: OrgHash,
  payload: z.strictObject({
    modelVersion: ModelVersion,
    type: Type,
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q4'),
    profile: Profile,
    levels: z.record(Key, Level),
  }),
});
const CompareBody = z.strictObject({
  modelVersion: ModelVersion,
  keys: z.array(Key).max(500),
  own: z.record(Key, Level),
  filters: z.strictObject(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, code(f).optional()]))),
  types: z.array(Type).min(1),
  weighting: z.enum(['none', 'trust']),
});

/** The first moment of a quarter: the hub keeps no time finer than the payload's quarter. */
function quarterStart(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return new Date(Date.UTC(Number(year), (Number(q) - 1) * 3, 1)).toISOString();
}

/**
 * What a hub answers (docs/benchmark.md, "Hub"): submit, list, withdraw and compare, each
 * behind a bearer token. Nothing about the caller (token, address) is stored with a row.
 */
export const hubRoutes: FastifyPluginAsyncZod<{ tokens: readonly string[] }> = async (app, options) => {
  app.addHook('onRequest', async (request) => requireHubToken(request.headers.authorization, options.tokens));
  const db = () => app.deps.database.db;

  app.post(
    '/submissions',
    {
      schema: {
        body: SubmitBody,
        response: { 200: z.object({ replaced: z.boolean() }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { orgHash, payload } = request.body;
      const replaced = await upsertSubmission(db(), {
        pool: HUB_POOL,
        orgHash,
        modelVersion: payload.modelVersion,
        quarter: payload.quarter,
        profile: payload.profile,
        type: payload.type,
        levels: payload.levels,
        synthetic: false,
        submittedAt: quarterStart(payload.quarter),
      });
      return { replaced };
    },
  );

  app.post(
    '/submissions/list',
    {
      schema: {
        body: z.strictObject({ orgHash: OrgHash }),
        response: { 200: SubmissionListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      submissions: (await listOwnSubmissions(db(), HUB_POOL, request.body.orgHash)).map((row) => ({
        modelVersion: row.modelVersion,
        quarter: row.quarter,
        profile: row.profile,
        submittedAt: row.submittedAt,
      })),
    }),
  );

  app.delete(
    '/submissions/:orgHash/:modelVersion',
    {
      schema: {
        params: z.object({ orgHash: OrgHash, modelVersion: ModelVersion }),
        response: { 204: NoContent, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { orgHash, modelVersion } = request.params;
      if (!(await deleteSubmission(db(), HUB_POOL, orgHash, modelVersion)))
        throw new PkimmError('NOT_FOUND', `no hub submission for model version ${modelVersion}`);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/compare',
    { schema: { body: CompareBody, response: { 200: CompareSchema, ...errorResponses(400, 401) } } },
    async (request) => {
      const b = request.body;
      const filters: Partial<Record<ProfileField, string>> = {};
      for (const field of PROFILE_FIELDS) {
        const value = b.filters[field];
        if (value !== undefined) filters[field] = value;
      }
      return comparePool(
        db(),
        app.deps.config.benchmark.k,
        b.modelVersion,
        b.keys,
        b.own,
        { filters, types: b.types, weighting: b.weighting },
        HUB_POOL,
      );
    },
  );
};
