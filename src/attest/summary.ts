import type { AttestationSummary } from '../core/attestation/payload.js';
import { AttestationPayloadSchema } from '../core/attestation/payload.js';
import { decodeBase64Url } from './base64.js';
import { attestationDigest } from './digest.js';

/**
 * The id, digest, date and issuer of an attestation, read without verifying it: for printing a
 * reference (the attestation report) next to a document the reader verifies separately.
 * Undefined when the text is not an attestation.
 */
export function summariseAttestation(jws: string): AttestationSummary | undefined {
  const payloadPart = jws.trim().split('.')[1];
  const bytes = payloadPart === undefined ? undefined : decodeBase64Url(payloadPart);
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = AttestationPayloadSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { id, issuedAt, issuer } = parsed.data;
  return { id, digest: attestationDigest(bytes), issuedAt, issuer };
}
