import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import type { EvidenceRecord } from '../../../persistence/repositories/assessments/evidence.js';
import { addEvidence, type EvidenceInput } from '../../assessments/evidence/add-evidence.js';
import { deleteEvidence, evidenceContent, listEvidence } from '../../assessments/evidence/evidence-access.js';
import { errorResponses, IdParam, NoContent, SECURITY } from './common-schemas.js';
import { attachment } from './content-disposition.js';
import { EvidenceJsonBody, EvidenceSchema } from './evidence-schemas.js';
import { readMultipartUpload } from './read-multipart.js';

const AssessmentParams = z.object({ id: IdParam });
const EvidenceParams = z.object({ evidenceId: IdParam });

function view(record: EvidenceRecord): z.input<typeof EvidenceSchema> {
  const { requirementKeys, orgId: _orgId, ...rest } = record;
  return { ...rest, requirements: requirementKeys };
}

/** Evidence: text, links and uploaded files, each tied to requirements of the model. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['evidence'];

  app.post(
    '/assessments/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Add text or a link (JSON), or upload a file (multipart: file, title, requirements)',
        description: `Files are limited to PKIMM_MAX_UPLOAD_BYTES (413 above); the content type is sniffed from the bytes.`,
        security: SECURITY,
        consumes: ['application/json', 'multipart/form-data'],
        params: AssessmentParams,
        // A multipart request has no parsed body (it is streamed below), hence nullable.
        body: EvidenceJsonBody.nullable(),
        response: { 201: EvidenceSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      let input: EvidenceInput;
      if (request.isMultipart()) {
        const upload = await readMultipartUpload(request);
        input = {
          kind: 'file',
          title: upload.title ?? upload.fileName,
          fileName: upload.fileName,
          content: upload.content,
          requirements: upload.requirements,
        };
      } else if (request.body) {
        input = request.body;
      } else {
        throw new PkimmError(
          'VALIDATION_FAILED',
          'send JSON (text or link) or multipart/form-data (a file)',
          {
            issues: [{ path: 'body', message: 'is missing' }],
          },
        );
      }
      const record = await addEvidence(app.deps, request.principal, request.params.id, input);
      return reply.status(201).send(view(record));
    },
  );

  app.get(
    '/assessments/:id/evidence',
    {
      schema: {
        tags,
        summary: "The assessment's evidence items (without file contents)",
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: z.object({ evidence: z.array(EvidenceSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      evidence: (await listEvidence(app.deps, request.principal, request.params.id)).map(view),
    }),
  );

  app.get(
    '/evidence/:evidenceId/content',
    {
      schema: {
        tags,
        summary: 'Download an uploaded file, as an attachment in a sandbox',
        security: SECURITY,
        params: EvidenceParams,
        response: {
          200: z.unknown().describe('the bytes as uploaded (binary)'),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const { evidence, content } = await evidenceContent(
        app.deps,
        request.principal,
        request.params.evidenceId,
      );
      // Served as a download under the sniffed type, never rendered: uploads are untrusted.
      return reply
        .header('content-type', evidence.contentType ?? 'application/octet-stream')
        .header('content-disposition', attachment(evidence.fileName ?? 'evidence'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
    },
  );

  app.delete(
    '/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Remove an evidence item (a role that may annotate)',
        security: SECURITY,
        params: EvidenceParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteEvidence(app.deps, request.principal, request.params.evidenceId);
      return reply.status(204).send(null);
    },
  );
};
