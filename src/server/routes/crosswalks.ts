import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_THRESHOLD } from '../../core/crosswalk/crosswalk-view.js';
import { crosswalkCsv } from '../../exchange/crosswalk/crosswalk-csv.js';
import { crosswalkCatalog, readCrosswalkView } from '../crosswalks/crosswalk-service.js';
import { changeAudit, readAudits } from '../crosswalks/audit-service.js';
import { parseIfMatch } from '../assessments/etag.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { AuditEntrySchema, CrosswalkViewSchema, PackSchema, PackSummarySchema } from './crosswalk-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './assessments/common-schemas.js';
import { idempotencyOf, send, sendDownload } from './assessments/reply-helpers.js';

const PackParams = z.object({ packId: z.string().regex(/^[a-z][a-z0-9-]{0,99}$/, 'must be a pack id') });
const ViewParams = PackParams.extend({ id: IdParam });
const ViewQuery = z.object({
  threshold: z.coerce
    .number()
    .int('threshold must be a whole number from 1 to 5')
    .min(1, 'threshold must be a whole number from 1 to 5')
    .max(5, 'threshold must be a whole number from 1 to 5')
    .default(DEFAULT_THRESHOLD)
    .describe('the level a requirement must reach to support its control'),
  format: z.enum(['json', 'csv']).default('json'),
});

/**
 * Crosswalk packs (public texts, like the model: no session needed) and the view of one
 * assessment through one pack, as JSON or as a CSV download.
 */
export const crosswalkRoutes: FastifyPluginAsyncZod = async (app) => {
  // Version conflicts answer with the current state, as every other assessment write does.
  app.setErrorHandler(assessmentErrorHandler);
  const tags = ['crosswalks'];

  app.get(
    '/crosswalks',
    {
      schema: {
        tags,
        summary: 'The crosswalk packs: bundled ones and the operator’s own',
        response: { 200: z.object({ packs: z.array(PackSummarySchema) }), ...errorResponses(422) },
      },
    },
    async () => ({ packs: await crosswalkCatalog(app.deps).list() }),
  );

  app.get(
    '/crosswalks/:packId',
    {
      schema: {
        tags,
        summary: 'One pack in full: controls, mappings, relationships and rationales',
        params: PackParams,
        response: { 200: PackSchema, ...errorResponses(400, 404, 422) },
      },
    },
    async (request) => crosswalkCatalog(app.deps).get(request.params.packId),
  );

  app.get(
    '/assessments/:id/crosswalks/:packId',
    {
      schema: {
        tags,
        summary: 'Each control with the requirements that support it, their levels, a status and the gaps',
        description:
          'A requirement supports its control at `threshold` or above, or when an audit recorded on the assessment covers it; `related` mappings count only where a control has nothing else. `format=csv` downloads one row per control and requirement.',
        security: SECURITY,
        params: ViewParams,
        querystring: ViewQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: CrosswalkViewSchema.or(z.string()), ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const { id, packId } = request.params;
      const view = await readCrosswalkView(app.deps, request.principal, id, packId, request.query.threshold);
      if (request.query.format === 'csv')
        return sendDownload(
          reply,
          { contentType: 'text/csv; charset=utf-8', fileName: `${packId}-crosswalk.csv` },
          crosswalkCsv(view),
        );
      return view;
    },
  );

  const AuditParams = z.object({ id: IdParam, key: z.string().min(1).max(200) });
  const AuditReply = z.object({
    key: z.string(),
    credit: AuditEntrySchema.nullable(),
    version: z.number().int(),
  });
  const WRITE_ERRORS = errorResponses(400, 401, 403, 404, 409, 422, 428);

  app.get(
    '/assessments/:id/audits',
    {
      schema: {
        tags,
        summary: 'Requirements an existing audit already answers, by requirement key',
        security: SECURITY,
        params: z.object({ id: IdParam }),
        response: {
          200: z.object({ version: z.number().int(), audits: z.record(z.string(), AuditEntrySchema) }),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => readAudits(app.deps, request.principal, request.params.id),
  );

  app.put(
    '/assessments/:id/audits/:key',
    {
      schema: {
        tags,
        summary: 'Record that an existing audit answers a requirement (If-Match required)',
        description:
          '`{audit, reportUrl (http/https), date (YYYY-MM-DD), framework?, note?}`; replaces an earlier entry of the requirement. One revision.',
        security: SECURITY,
        params: AuditParams,
        headers: WriteHeaders,
        body: z.record(z.string(), z.unknown()),
        response: { 200: AuditReply, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await changeAudit(app.deps, request.principal, {
          assessmentId: request.params.id,
          key: request.params.key,
          expectedVersion: parseIfMatch(request.headers['if-match']),
          credit: request.body,
          idempotency: idempotencyOf(request, request.headers['idempotency-key']),
        }),
      ),
  );

  app.delete(
    '/assessments/:id/audits/:key',
    {
      schema: {
        tags,
        summary: 'Remove the audit entry of a requirement (If-Match required)',
        security: SECURITY,
        params: AuditParams,
        headers: WriteHeaders,
        response: { 200: AuditReply, ...WRITE_ERRORS },
      },
    },
    async (request, reply) =>
      send(
        reply,
        await changeAudit(app.deps, request.principal, {
          assessmentId: request.params.id,
          key: request.params.key,
          expectedVersion: parseIfMatch(request.headers['if-match']),
          credit: null,
          idempotency: idempotencyOf(request, request.headers['idempotency-key']),
        }),
      ),
  );
};
