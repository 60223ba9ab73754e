import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLAN_STATUSES } from '../../core/plans/plan.types.js';
import { PlanListSchema, PlanReplySchema } from './plan-schemas.js';
import { PLAN_EXPORT_FORMATS } from '../../exchange/plans/export-plans.js';
import { parseIfMatch } from '../assessments/etag.js';
import { changePlan, type PlanChange } from '../assessments/plans/change-plan.js';
import { assessmentPlans, exportPlanFile, organisationPlans } from '../assessments/plans/read-plans.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { idempotencyOf, send, sendDownload } from './assessments/reply-helpers.js';

const BodySchema = z
  .record(z.string(), z.unknown())
  .describe('an action plan: subject, status, title, targetLevel, objectives, responsible, schedule, …');
const ListSchema = PlanListSchema;
const AssessmentParams = z.object({ id: IdParam });
const PlanParams = z.object({ id: IdParam, planId: IdParam });
const FormatParam = z.enum(PLAN_EXPORT_FORMATS);
const FileSchema = z.string().describe('the CSV or iCalendar file');
const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 422, 428);

/**
 * Action plans of an assessment (each write one revision, If-Match required, 'annotate'
 * capability, so contributors may plan), the organisation's timeline, and CSV / iCalendar files.
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['plans'];

  const write = async (request: FastifyRequest, assessmentId: string, change: PlanChange) => {
    const key = request.headers['idempotency-key'];
    return changePlan(app.deps, request.principal, {
      assessmentId,
      expectedVersion: parseIfMatch(request.headers['if-match']),
      change,
      idempotency: idempotencyOf(request, typeof key === 'string' ? key : undefined),
    });
  };

  app.get(
    '/assessments/:id/plans',
    {
      schema: {
        tags,
        summary: "The assessment's plans in due-date order, overdue ones flagged",
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: ListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => (await assessmentPlans(app.deps, request.principal, request.params.id)).list,
  );

  app.post(
    '/assessments/:id/plans',
    {
      schema: {
        tags,
        summary: 'Add a plan (If-Match required); the id is generated unless `id` is given',
        security: SECURITY,
        params: AssessmentParams,
        headers: WriteHeaders,
        body: z.looseObject({ id: z.string().optional() }),
        response: { 200: PlanReplySchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id, ...plan } = request.body;
      return send(reply, await write(request, request.params.id, { kind: 'create', id, plan }));
    },
  );

  app.put(
    '/assessments/:id/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Replace a plan (If-Match required)',
        security: SECURITY,
        params: PlanParams,
        headers: WriteHeaders,
        body: BodySchema,
        response: { 200: PlanReplySchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await write(request, request.params.id, {
          kind: 'replace',
          id: request.params.planId,
          plan: request.body,
        }),
      ),
  );

  app.delete(
    '/assessments/:id/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Delete a plan (If-Match required)',
        security: SECURITY,
        params: PlanParams,
        headers: WriteHeaders,
        response: { 200: PlanReplySchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(reply, await write(request, request.params.id, { kind: 'delete', id: request.params.planId })),
  );

  app.post(
    '/assessments/:id/plans/:planId/tasks/:index',
    {
      schema: {
        tags,
        summary: 'Tick or untick one task (0-based index; If-Match required)',
        security: SECURITY,
        params: PlanParams.extend({ index: z.coerce.number().int().min(0).max(999) }),
        headers: WriteHeaders,
        body: z.strictObject({ done: z.boolean() }),
        response: { 200: PlanReplySchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await write(request, request.params.id, {
          kind: 'task',
          id: request.params.planId,
          index: request.params.index,
          done: request.body.done,
        }),
      ),
  );

  app.post(
    '/assessments/:id/plans/:planId/status',
    {
      schema: {
        tags,
        summary: "Change a plan's status (If-Match required)",
        security: SECURITY,
        params: PlanParams,
        headers: WriteHeaders,
        body: z.strictObject({ status: z.enum(PLAN_STATUSES) }),
        response: { 200: PlanReplySchema, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await write(request, request.params.id, {
          kind: 'status',
          id: request.params.planId,
          status: request.body.status,
        }),
      ),
  );

  app.get(
    '/orgs/:orgId/plans',
    {
      schema: {
        tags,
        summary: "Timeline: every plan of the organisation's assessments, by due date, overdue flagged",
        security: SECURITY,
        params: z.object({ orgId: IdParam }),
        response: { 200: ListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => organisationPlans(app.deps, request.principal, request.params.orgId),
  );

  app.get(
    '/assessments/:id/plans/export/:format',
    {
      schema: {
        tags,
        summary: "The assessment's plans as CSV or iCalendar (one all-day event per due date)",
        security: SECURITY,
        params: AssessmentParams.extend({ format: FormatParam }),
        response: { 200: FileSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportPlanFile(
        app.deps,
        request.principal,
        { assessmentId: request.params.id },
        request.params.format,
        request.ip,
      );
      return sendDownload(reply, file, file.body);
    },
  );

  app.get(
    '/orgs/:orgId/plans/export/:format',
    {
      schema: {
        tags,
        summary: "The organisation's plans as CSV or iCalendar",
        security: SECURITY,
        params: z.object({ orgId: IdParam, format: FormatParam }),
        response: { 200: FileSchema, ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportPlanFile(
        app.deps,
        request.principal,
        { orgId: request.params.orgId },
        request.params.format,
        request.ip,
      );
      return sendDownload(reply, file, file.body);
    },
  );
};
