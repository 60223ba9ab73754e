import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import { createScan, type ScanUpload } from '../scans/create-scan.js';
import { decide } from '../scans/decide-suggestion.js';
import { getScan, listScans, listSuggestionViews } from '../scans/read-scans.js';
import { errorResponses, IdParam, SECURITY } from './assessments/common-schemas.js';
import { assessmentErrorHandler } from './assessments/conflict-handler.js';
import { readingMultipart, safeFileName } from './assessments/read-multipart.js';
import {
  DecisionBody,
  ScanDetailSchema,
  ScanFields,
  ScanListItemSchema,
  SuggestionSchema,
} from './scan-schemas.js';

const AssessmentParams = z.object({ id: IdParam });
const MAX_FILES = 100;

/**
 * Automated scans of an assessment (upload certificate files and exports, or name allowed TLS
 * endpoints) and the suggested ratings they produce, which an assessor accepts, changes or
 * rejects. Multipart is registered here with its own limits: a scan takes many files at once.
 */
export const scanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.setErrorHandler(assessmentErrorHandler);
  await app.register(multipart, {
    limits: {
      fileSize: app.deps.config.maxUploadBytes,
      files: MAX_FILES,
      fields: 300,
      fieldSize: 64 * 1024,
      parts: MAX_FILES + 300,
    },
  });
  const tags = ['scans'];

  app.post(
    '/assessments/:id/scans',
    {
      schema: {
        tags,
        summary: 'Scan uploaded files (multipart `files`) and TLS endpoints (`tls`, one host:port per line)',
        description:
          'Fields: files (0..100 parts: PEM, DER, PKCS#7, PKCS#12, .csv inventories, crt.sh .json, CycloneDX CBOM .json), ' +
          'tls, csvPreset (generic|adcs), csvIssuer (the CA of rows that name none), knownIssuers (one per line), pkcs12Password. TLS targets must be allowed by ' +
          'PKIMM_SCAN_TLS_TARGETS (403 otherwise). Stores the inventory as an evidence item and its suggestions.',
        security: SECURITY,
        consumes: ['multipart/form-data'],
        params: AssessmentParams,
        response: {
          201: z.object({ scan: ScanDetailSchema, suggestions: z.array(SuggestionSchema) }),
          ...errorResponses(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (request, reply) => {
      const upload = await readScanUpload(request, app.deps.config.maxUploadBytes);
      const result = await createScan(app.deps, request.principal, request.params.id, upload);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/assessments/:id/scans',
    {
      schema: {
        tags,
        summary: "The assessment's scans, newest first (summaries)",
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: z.object({ scans: z.array(ScanListItemSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ scans: await listScans(app.deps, request.principal, request.params.id) }),
  );

  app.get(
    '/assessments/:id/scans/:scanId',
    {
      schema: {
        tags,
        summary: "One scan's whole inventory: certificates, endpoints, indicators, findings, skipped items",
        security: SECURITY,
        params: z.object({ id: IdParam, scanId: IdParam }),
        response: { 200: z.object({ scan: ScanDetailSchema }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      scan: await getScan(app.deps, request.principal, request.params.id, request.params.scanId),
    }),
  );

  app.get(
    '/assessments/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggested ratings from scans, open ones first, with the current rating',
        security: SECURITY,
        params: AssessmentParams,
        response: { 200: z.object({ suggestions: z.array(SuggestionSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      suggestions: await listSuggestionViews(app.deps, request.principal, request.params.id),
    }),
  );

  app.post(
    '/assessments/:id/suggestions/:suggestionId/decision',
    {
      schema: {
        tags,
        summary:
          'Accept, change (with a level) or reject a suggestion; accepting or changing rates the requirement',
        security: SECURITY,
        params: z.object({ id: IdParam, suggestionId: IdParam }),
        body: DecisionBody,
        response: {
          200: z.object({ suggestion: SuggestionSchema }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => ({
      suggestion: await decide(
        app.deps,
        request.principal,
        request.params.id,
        request.params.suggestionId,
        request.body,
      ),
    }),
  );
};

/** Reads the multipart form; files over the size limit fail with 413 before anything runs. */
async function readScanUpload(request: FastifyRequest, maxBytes: number): Promise<ScanUpload> {
  if (!request.isMultipart())
    throw new PkimmError('VALIDATION_FAILED', 'send the scan as multipart/form-data', {
      issues: [{ path: 'body', message: 'expected multipart/form-data with files and/or a tls field' }],
    });
  const files: ScanUpload['files'] = [];
  const fields: Record<string, string[]> = {};
  let total = 0;
  await readingMultipart(async () => {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        total += bytes.byteLength;
        // Each file is limited by the plugin; the sum is limited here so one request stays bounded.
        if (total > 10 * maxBytes)
          throw new PkimmError(
            'PAYLOAD_TOO_LARGE',
            `the files of one scan may add up to ${10 * maxBytes} bytes`,
          );
        files.push({ name: safeFileName(part.filename), bytes });
      } else if (typeof part.value === 'string') {
        (fields[part.fieldname] ??= []).push(part.value);
      }
    }
  });
  const lines = (name: string) =>
    (fields[name] ?? [])
      .flatMap((v) => v.split(/\r?\n/))
      .map((v) => v.trim())
      .filter(Boolean);
  const parsed = ScanFields.safeParse({
    tls: lines('tls'),
    csvPreset: fields['csvPreset']?.[0] || 'generic',
    knownIssuers: lines('knownIssuers'),
    pkcs12Password: fields['pkcs12Password']?.[0] || undefined,
    csvIssuer: fields['csvIssuer']?.[0]?.trim() || undefined,
  });
  if (!parsed.success) {
    throw new PkimmError('VALIDATION_FAILED', 'the scan request is invalid', {
      issues: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    });
  }
  const { pkcs12Password, csvIssuer, ...rest } = parsed.data;
  return {
    files,
    ...rest,
    ...(pkcs12Password === undefined ? {} : { pkcs12Password }),
    ...(csvIssuer === undefined ? {} : { csvIssuer }),
  };
}
