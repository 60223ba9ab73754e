import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../core/errors.js';
import {
  getAttestation,
  listAttestations,
  type AttestationRecord,
} from '../../persistence/repositories/attestations.js';
import { openAssessment } from '../assessments/open-assessment.js';
import {
  AttestationSchema,
  PublicAttestationSchema,
  VerificationSchema,
} from '../attestations/attestation-schemas.js';
import { issueAttestation, verifyWithServerAnchors } from '../attestations/issue-attestation.js';
import { trustAnchorPem } from '../attestations/server-identity.js';
import { renderNotFoundPage, renderVerifyPage, VERIFY_PAGE_CSP } from '../attestations/verify-page.js';
import { errorResponses, IdParam, SECURITY } from './assessments/common-schemas.js';

const API = '/api/v1';
const JWS_TYPES = ['application/jose', 'text/plain'];
const Params = z.object({ id: IdParam });

const view = (record: AttestationRecord) => ({
  id: record.id,
  assessmentId: record.assessmentId,
  digest: record.digest,
  issuer: record.issuer,
  issuedAt: record.issuedAt,
  issuedBy: record.issuedBy,
  jws: record.jws,
  verifyUrl: `/verify/${record.id}`,
});

/**
 * Signed attestations: issued by owners of final assessments, listed for members, and public
 * to read and verify, so a relying party needs no account. Registered without a prefix because
 * the verification page lives at /verify/:id, outside the API.
 */
export const attestationRoutes: FastifyPluginAsyncZod = async (app) => {
  // The verify endpoint takes the JWS as the raw body; JSON bodies keep the default parser.
  app.addContentTypeParser(JWS_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(
    `${API}/assessments/:id/attestations`,
    {
      schema: {
        tags: ['attestations'],
        summary: 'Issue a signed attestation of a final assessment (owners)',
        security: SECURITY,
        params: Params,
        response: { 201: AttestationSchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const record = await issueAttestation(app.deps, request.principal, request.params.id, request.ip);
      reply.status(201);
      return view(record);
    },
  );

  app.get(
    `${API}/assessments/:id/attestations`,
    {
      schema: {
        tags: ['attestations'],
        summary: "An assessment's attestations, newest first (members)",
        security: SECURITY,
        params: Params,
        response: { 200: z.array(AttestationSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await openAssessment(app.deps, request.principal, request.params.id, 'read');
      return (await listAttestations(app.deps.database.db, request.params.id)).map(view);
    },
  );

  app.get(
    `${API}/attestations/trust-anchor.pem`,
    {
      schema: {
        tags: ['attestations'],
        summary: 'The certificate attestations of this server chain up to (public)',
        response: { 200: z.string() },
      },
    },
    async (_request, reply) => {
      reply.type('application/x-pem-file');
      return trustAnchorPem(app.deps);
    },
  );

  app.get(
    `${API}/attestations/:id`,
    {
      schema: {
        tags: ['attestations'],
        summary: 'One attestation: its JWS and digest (public)',
        params: Params,
        response: { 200: PublicAttestationSchema, ...errorResponses(404) },
      },
    },
    async (request) => {
      const record = await getAttestation(app.deps.database.db, request.params.id);
      if (!record) throw new PkimmError('NOT_FOUND', `no attestation ${request.params.id}`);
      const { issuedBy: _hidden, ...rest } = view(record);
      return rest;
    },
  );

  app.post(
    `${API}/attestations/verify`,
    {
      schema: {
        tags: ['attestations'],
        summary: "Verify any attestation against this server's trust anchor (public)",
        description:
          'Send the compact JWS as the body (application/jose or text/plain), or JSON {"jws": "…"}. ' +
          'Answers 200 with valid true or false and every reason it fails.',
        consumes: [...JWS_TYPES, 'application/json'],
        body: z.union([z.string().min(1), z.object({ jws: z.string().min(1) })]),
        response: { 200: VerificationSchema, ...errorResponses(400) },
      },
    },
    async (request) => {
      const text = typeof request.body === 'string' ? request.body : request.body.jws;
      return verifyWithServerAnchors(app.deps, text);
    },
  );

  app.get('/verify/:id', { schema: { hide: true, params: Params } }, async (request, reply) => {
    reply.header('content-security-policy', VERIFY_PAGE_CSP).type('text/html; charset=utf-8');
    const record = await getAttestation(app.deps.database.db, request.params.id);
    if (!record) {
      reply.status(404);
      return renderNotFoundPage(request.params.id);
    }
    return renderVerifyPage(record.id, await verifyWithServerAnchors(app.deps, record.jws));
  });
};
