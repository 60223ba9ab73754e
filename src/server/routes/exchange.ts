// The type import brings in @fastify/multipart's request.file() declaration.
import type {} from '@fastify/multipart';
import multipart from '@fastify/multipart';
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import { EXCHANGE_FORMATS, XLSX_CONTENT_TYPE } from '../../exchange/export-formats.js';
import { parseIfMatch } from '../assessments/etag.js';
import { erambaExport, exportExchange } from '../assessments/export-exchange.js';
import { runIdempotent, type IdempotencyRequest } from '../assessments/idempotency.js';
import { importAssessment } from '../assessments/import-assessment.js';
import { importIntoAssessment } from '../assessments/import-into.js';
import { AssessmentSchema } from './assessments/assessment-schemas.js';
import { ImportIntoSchema } from './exchange-schemas.js';
import { errorResponses, IdParam, SECURITY, WriteHeaders } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { readingMultipart } from './assessments/read-multipart.js';
import { idempotencyOf, send, sendDownload } from './assessments/reply-helpers.js';

/** Raw upload types; multipart/form-data (a part named `file`) is accepted as well. */
const RAW_TYPES = [
  XLSX_CONTENT_TYPE,
  'application/octet-stream',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'application/json',
  'text/plain',
];

/**
 * Exchange formats: exports to xlsx, CSV and OSCAL next to our own and the official format,
 * the Eramba CSV of each model version, and imports of any importable file (an .xlsx
 * workbook too) as a new assessment or into an existing one (replace or merge). Encapsulated
 * with its own body parsers: uploads arrive as bytes, raw or as multipart.
 */
export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const limit = app.deps.config.maxUploadBytes;
  app.setErrorHandler(assessmentErrorHandler);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: limit }, (_request, body, done) =>
    done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 5, parts: 6 } });
  const tags = ['import and export'];

  app.get(
    '/assessments/:id/export/:format',
    {
      schema: {
        tags,
        summary:
          'Download the assessment as xlsx, CSV (one row per requirement), OSCAL 1.1 assessment results, or our/official format',
        description:
          'xlsx: the workbook laid out like the official Excel tool, which imports back; csv: formula-safe; oscal: assessment-results JSON, a finding per in-scope requirement (satisfied from `satisfiedFrom`, default 3).',
        security: SECURITY,
        params: z.object({ id: IdParam, format: z.enum(EXCHANGE_FORMATS) }),
        querystring: z.object({ satisfiedFrom: z.coerce.number().int().min(1).max(5).optional() }),
        produces: [XLSX_CONTENT_TYPE, 'text/csv', 'application/json', 'application/yaml'],
        response: { 200: z.any().describe('the file'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportExchange(
        app.deps,
        request.principal,
        request.params.id,
        request.params.format,
        request.ip,
        {
          satisfiedFrom: request.query.satisfiedFrom,
        },
      );
      return sendDownload(reply, file, file.content);
    },
  );

  app.get(
    '/models/:id/:version/eramba.csv',
    {
      schema: {
        tags: ['models'],
        summary: 'The model version as the Eramba GRC CSV: no header, one row per requirement, 7 columns',
        params: z.object({ id: IdParam, version: IdParam }),
        produces: ['text/csv'],
        response: { 200: z.any().describe('the CSV'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      try {
        const file = await erambaExport(app.deps, request.params.id, request.params.version);
        return sendDownload(reply, file, file.content);
      } catch (error) {
        // The model is the resource in the path here, so a missing one is a plain 404.
        if (error instanceof PkimmError && error.code === 'MODEL_NOT_FOUND')
          throw new PkimmError('NOT_FOUND', error.message);
        throw error;
      }
    },
  );

  app.post(
    '/orgs/:orgId/assessments/import-file',
    {
      schema: {
        tags,
        summary:
          'Import a file as a new assessment: .xlsx, or YAML/JSON in our format or the official export',
        description:
          'Send the file raw or as multipart/form-data (part `file`). Zip bombs, deep nesting and oversized files are refused; nothing is stored unless the file is valid.',
        security: SECURITY,
        consumes: [...RAW_TYPES, 'multipart/form-data'],
        params: z.object({ orgId: IdParam }),
        headers: WriteHeaders.omit({ 'if-match': true }),
        response: { 201: AssessmentSchema, ...errorResponses(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const result = await runIdempotent(app.deps, idempotency(request, upload.content), (keep) =>
        importAssessment(
          app.deps,
          request.principal,
          request.params.orgId,
          upload.content,
          keep,
          upload.source,
        ),
      );
      return send(reply, result);
    },
  );

  app.post(
    '/assessments/:id/import',
    {
      schema: {
        tags,
        summary: 'Import a file into this assessment: replace its content, or merge the file into it',
        description:
          'replace: the file becomes the content (a new revision); merge: entries in the file override, the rest is kept (docs/assessment-format.md). A file for another model version or another assessment is refused with 422 and nothing changes. Both can be undone by restoring the previous version.',
        security: SECURITY,
        consumes: [...RAW_TYPES, 'multipart/form-data'],
        params: z.object({ id: IdParam }),
        querystring: z.object({ mode: z.enum(['replace', 'merge']) }),
        headers: WriteHeaders,
        response: { 200: ImportIntoSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 422, 428) },
      },
    },
    async (request, reply) => {
      const expectedVersion = parseIfMatch(request.headers['if-match']);
      const upload = await readUpload(request);
      const result = await importIntoAssessment(
        app.deps,
        request.principal,
        {
          assessmentId: request.params.id,
          mode: request.query.mode,
          content: upload.content,
          expectedVersion,
          source: upload.source,
          idempotency: idempotency(request, upload.content),
        },
        request.ip,
      );
      return send(reply, result);
    },
  );
};

/** The uploaded file: the one multipart part named `file`, or the raw body. */
async function readUpload(request: FastifyRequest): Promise<{ content: Buffer; source: string }> {
  if (request.isMultipart()) {
    return readingMultipart(async () => {
      const part = await request.file();
      if (!part || part.fieldname !== 'file')
        throw uploadError('send the file as a multipart part named "file"');
      const content = await part.toBuffer();
      return { content, source: safeName(part.filename) };
    });
  }
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw uploadError('send the file as the request body or as a multipart part named "file"');
  }
  return { content: request.body, source: 'import' };
}

/** The idempotency identity of an upload: the file stands in the request by its digest. */
function idempotency(request: FastifyRequest, content: Buffer): IdempotencyRequest | undefined {
  const key = request.headers['idempotency-key'];
  return idempotencyOf(
    request,
    typeof key === 'string' ? key : undefined,
    createHash('sha256').update(content).digest('hex'),
  );
}

function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'upload';
}

function uploadError(message: string): PkimmError {
  return new PkimmError('VALIDATION_FAILED', 'the upload is invalid', {
    issues: [{ path: 'body.file', message }],
  });
}
