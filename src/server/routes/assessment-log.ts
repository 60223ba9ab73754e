import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkAssessmentLog, readAssessmentLog } from '../audit/assessment-log.js';
import { errorResponses, IdParam, SECURITY, Timestamp } from './assessments/common-schemas.js';

const Params = z.object({ id: IdParam });

const EntrySchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actor: z.string(),
  event: z.string().describe('revision, evidence.added, evidence.removed, suggestion.accepted, …'),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

const VerificationSchema = z.object({
  valid: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable().describe('the hash of the last entry'),
  problems: z.array(z.object({ seq: z.number().int(), message: z.string() })),
});

/** The tamper-evident log of an assessment (docs/audit-log.md), for anyone who may read it. */
export const assessmentLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get(
    '/assessments/:id/log',
    {
      schema: {
        tags,
        summary: "The assessment's hash-chained log, oldest entry first",
        security: SECURITY,
        params: Params,
        response: { 200: z.object({ entries: z.array(EntrySchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ entries: await readAssessmentLog(app.deps, request.principal, request.params.id) }),
  );
  app.get(
    '/assessments/:id/log/verify',
    {
      schema: {
        tags,
        summary: 'Check the chain, every revision and the current document against the log',
        security: SECURITY,
        params: Params,
        response: { 200: VerificationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => checkAssessmentLog(app.deps, request.principal, request.params.id),
  );
};
