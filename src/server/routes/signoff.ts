import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIfMatch } from '../assessments/etag.js';
import { readApprovals, recordApproval } from '../assurance/signoff/approvals.js';
import { createCorrection, readCorrections } from '../assurance/signoff/corrections.js';
import { readProfile, writeProfile } from '../assurance/signoff/profile.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './assessments/common-schemas.js';
import {
  ApprovalBody,
  ApprovalOutcomeSchema,
  ApprovalsSchema,
  CorrectionBody,
  CorrectionSchema,
  CorrectionsSchema,
  ProfileBody,
  ProfileSchema,
} from './signoff-schemas.js';

const Params = z.object({ id: IdParam });

/** Four-eyes sign-off (docs/assurance.md#sign-off): profile, approvals, corrections. */
export const signoffRoutes: FastifyPluginAsyncZod = async (app) => {
  // A stale If-Match on an approval answers 409 with the current state, like every versioned write.
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['sign-off'];

  app.get(
    '/assessments/:id/profile',
    {
      schema: {
        tags,
        summary: 'The assurance profile: evidence level and named approvers',
        security: SECURITY,
        params: Params,
        response: { 200: ProfileSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => readProfile(app.deps, request.principal, request.params.id),
  );

  app.put(
    '/assessments/:id/profile',
    {
      schema: {
        tags,
        summary: 'Set the assurance profile (owners)',
        security: SECURITY,
        params: Params,
        body: ProfileBody,
        response: { 200: ProfileSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => writeProfile(app.deps, request.principal, request.params.id, request.body),
  );

  app.get(
    '/assessments/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Every decision, who still has to approve, and the sign-off',
        security: SECURITY,
        params: Params,
        response: { 200: ApprovalsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => readApprovals(app.deps, request.principal, request.params.id),
  );

  app.post(
    '/assessments/:id/approvals',
    {
      schema: {
        tags,
        summary: 'Approve or reject the current version (named approvers, If-Match required)',
        security: SECURITY,
        params: Params,
        headers: WriteHeaders,
        body: ApprovalBody,
        response: { 201: ApprovalOutcomeSchema, ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (request, reply) => {
      const outcome = await recordApproval(app.deps, request.principal, {
        assessmentId: request.params.id,
        expectedVersion: parseIfMatch(request.headers['if-match']),
        decision: request.body.decision,
        comment: request.body.comment,
        ip: request.ip,
      });
      return reply.status(201).send(outcome);
    },
  );

  app.get(
    '/assessments/:id/corrections',
    {
      schema: {
        tags,
        summary: 'The signed-off assessment this one corrects, and the corrections of this one',
        security: SECURITY,
        params: Params,
        response: { 200: CorrectionsSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => readCorrections(app.deps, request.principal, request.params.id),
  );

  app.post(
    '/assessments/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct a signed-off assessment: a new draft copy linked with the reason (owners)',
        security: SECURITY,
        params: Params,
        body: CorrectionBody,
        response: { 201: CorrectionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const correction = await createCorrection(
        app.deps,
        request.principal,
        request.params.id,
        request.body.reason,
      );
      return reply.status(201).send(correction);
    },
  );
};
