/** Response shapes of the attestation routes (also the OpenAPI document). */
import { z } from 'zod';

export const AttestationSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  digest: z.string().describe('sha256: + hex of SHA-256 over the payload bytes'),
  issuer: z.string().describe("the signing certificate's subject"),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  jws: z.string().describe('the attestation: a compact JWS (docs/attestations.md)'),
  verifyUrl: z.string().describe('the public verification page'),
});

export const PublicAttestationSchema = AttestationSchema.omit({ issuedBy: true });

const ReasonSchema = z.object({
  code: z.enum([
    'MALFORMED',
    'HEADER_INVALID',
    'SIGNATURE_MISMATCH',
    'CHAIN_INVALID',
    'CHAIN_UNTRUSTED',
    'CERT_EXPIRED',
    'CERT_NOT_YET_VALID',
    'KEY_USAGE_INVALID',
    'PAYLOAD_INVALID',
  ]),
  message: z.string(),
});

export const VerificationSchema = z.object({
  valid: z.boolean(),
  reasons: z.array(ReasonSchema).describe('empty exactly when valid'),
  checkedAt: z.string(),
  alg: z.string().optional(),
  digest: z.string().optional(),
  signer: z
    .object({
      subject: z.string(),
      issuer: z.string(),
      serialNumber: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
      fingerprint: z.string(),
    })
    .optional(),
  payload: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('the attested content when it matches the schema; trust it only when valid is true'),
});
