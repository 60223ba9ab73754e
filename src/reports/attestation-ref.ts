/**
 * The verification reference of a signed attestation (compact JWS): its `id`, when it was
 * issued and by whom, and its digest, `sha256:` + hex of the payload bytes. The signature is
 * not checked here (that is `pkimm attest verify`); a report only quotes the reference.
 */
import { createHash } from 'node:crypto';
import { PkimmError } from '../core/errors.js';
import type { AttestationReference } from './report-input.js';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DecodedAttestation {
  reference: AttestationReference;
  /** The attested assessment's id, when the payload names one. */
  assessmentId?: string;
}

export function decodeAttestation(jws: string, source: string): DecodedAttestation {
  const fail = (why: string) =>
    new PkimmError('FORMAT_UNKNOWN', `not a pkimm attestation (compact JWS): ${why}`, { source });
  const parts = jws.trim().split('.');
  if (parts.length !== 3) throw fail(`expected 3 dot-separated parts, found ${parts.length}`);
  const [, payloadPart = ''] = parts;
  if (!parts.every((part) => BASE64URL.test(part)))
    throw fail('every part must be non-empty base64url (A–Z, a–z, 0–9, - and _)');
  const bytes = Buffer.from(payloadPart, 'base64url');
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw fail('the payload (second part) is not JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw fail('the payload is not a JSON object');
  const fields = payload as Record<string, unknown>;
  if (fields['type'] !== 'pkimm-attestation') throw fail('payload "type" is not "pkimm-attestation"');
  const id = fields['id'];
  if (typeof id !== 'string' || !UUID.test(id)) throw fail('payload "id" is not a UUID');
  const issuedAt = fields['issuedAt'];
  if (typeof issuedAt !== 'string' || Number.isNaN(Date.parse(issuedAt)))
    throw fail('payload "issuedAt" is not an ISO timestamp');
  const issuer = fields['issuer'];
  const assessment = fields['assessment'];
  const assessmentId =
    typeof assessment === 'object' && assessment !== null
      ? (assessment as Record<string, unknown>)['id']
      : undefined;
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  return {
    reference: { id, digest, issuedAt, ...(typeof issuer === 'string' && issuer !== '' ? { issuer } : {}) },
    ...(typeof assessmentId === 'string' ? { assessmentId } : {}),
  };
}
