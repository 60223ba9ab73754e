import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAssessment } from '../../assessments/export-assessment.js';
import { runIdempotent } from '../../assessments/idempotency.js';
import { importAssessment } from '../../assessments/import-assessment.js';
import { AssessmentSchema } from './assessment-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './common-schemas.js';
import { idempotencyOf, send, sendDownload } from './reply-helpers.js';

const TEXT_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'application/json', 'text/plain'];

/**
 * Whole assessments in and out, in our format or the official export. The import route reads
 * its body as text whatever the type (JSON too: the parser needs the text for line numbers),
 * so it lives in its own encapsulated plugin with its own content-type parsers.
 */
export const importExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(TEXT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    '/orgs/:orgId/assessments/import',
    {
      schema: {
        tags: ['import and export'],
        summary: 'Import an assessment file (our format or the official export, YAML or JSON, detected)',
        description:
          'Every problem is reported at once with its line (422); nothing is stored unless the file is valid.',
        security: SECURITY,
        consumes: TEXT_TYPES,
        params: z.object({ orgId: IdParam }),
        headers: WriteHeaders.omit({ 'if-match': true }),
        body: z.string().min(1, 'send the file as the request body'),
        response: { 201: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const result = await runIdempotent(
        app.deps,
        idempotencyOf(request, request.headers['idempotency-key']),
        (keep) => importAssessment(app.deps, request.principal, request.params.orgId, request.body, keep),
      );
      return send(reply, result);
    },
  );

  app.get(
    '/assessments/:id/export',
    {
      schema: {
        tags: ['import and export'],
        summary: 'Download the assessment as a file; the official format reads back into the official app',
        security: SECURITY,
        params: z.object({ id: IdParam }),
        querystring: z.object({
          format: z.enum(['pkimm-yaml', 'pkimm-json', 'official']).default('pkimm-yaml'),
        }),
        produces: ['application/yaml', 'application/json'],
        response: { 200: z.string().describe('the file'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportAssessment(
        app.deps,
        request.principal,
        request.params.id,
        request.query.format,
        request.ip,
      );
      return sendDownload(reply, file, file.text);
    },
  );
};
