import { constants, verify as verifySignature } from 'node:crypto';
import { canonicalJson } from '../core/attestation/canonical-json.js';
import { AttestationPayloadSchema, type AttestationPayload } from '../core/attestation/payload.js';
import type {
  SignerSummary,
  VerificationReason,
  VerificationResult,
} from '../core/attestation/verification.js';
import { decodeBase64, decodeBase64Url } from './base64.js';
import { certificateFromDer, type Certificate } from './certificates.js';
import { checkChain } from './chain.js';
import { attestationDigest } from './digest.js';
import { algorithmFor, ALLOWED_ALGS } from './identity.js';
import { ATTESTATION_JWS_TYP } from './jws-header.js';

export interface VerifyOptions {
  /** The certificates the relying party trusts (roots, or an intermediate it pins). */
  trustAnchors: Certificate[];
  /** The instant certificate validity is judged at. */
  at: Date;
}

/** Longer x5c chains are refused before any parsing: no real PKI needs them. */
const MAX_CHAIN = 10;
const HEADER_KEYS = new Set(['alg', 'typ', 'x5c', 'kid']);

/** True when a text has the shape of a compact JWS at all (three non-empty dot-separated parts). */
export function looksLikeCompactJws(text: string): boolean {
  const parts = text.trim().split('.');
  return parts.length === 3 && parts.every((part) => part.length > 0) && /^[\x21-\x7e]+$/.test(text.trim());
}

/**
 * Verifies an attestation completely and says every reason it fails: the header, the
 * signature under the leaf certificate's key, the chain to a trust anchor with the validity
 * dates of each certificate, and the payload's form and schema.
 */
export function verifyAttestation(text: string, options: VerifyOptions): VerificationResult {
  const reasons: VerificationReason[] = [];
  const result = (extra: Partial<VerificationResult>): VerificationResult => ({
    valid: reasons.length === 0,
    reasons,
    checkedAt: options.at.toISOString(),
    ...extra,
  });
  const parts = text.trim().split('.');
  if (parts.length !== 3) {
    reasons.push({
      code: 'MALFORMED',
      message: `a compact JWS has 3 parts separated by dots, this has ${parts.length}`,
    });
    return result({});
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const payloadBytes = decodeBase64Url(payloadPart);
  const digest = payloadBytes ? attestationDigest(payloadBytes) : undefined;
  const payload = payloadBytes ? readPayload(payloadBytes, reasons) : undefined;
  if (!payloadBytes) reasons.push({ code: 'MALFORMED', message: 'the payload part is not base64url' });

  const header = readHeader(headerPart, reasons);
  const certificates = header ? readCertificates(header.x5c, reasons) : undefined;
  const leaf = certificates?.[0];
  const extra = {
    ...(header ? { alg: header.alg } : {}),
    ...(digest ? { digest } : {}),
    ...(leaf ? { signer: signerOf(leaf) } : {}),
    ...(payload ? { payload } : {}),
  };
  if (!header || !certificates || !leaf) return result(extra);

  const signature = decodeBase64Url(signaturePart);
  if (!signature) {
    reasons.push({ code: 'MALFORMED', message: 'the signature part is not base64url' });
  } else {
    checkSignature(header.alg, leaf, `${headerPart}.${payloadPart}`, signature, reasons);
  }
  reasons.push(...checkChain(certificates, options.trustAnchors, options.at));
  if (payload && payload.issuer !== leaf.subject) {
    reasons.push({
      code: 'PAYLOAD_INVALID',
      message: `the payload names the issuer "${payload.issuer}" but the signing certificate is "${leaf.subject}"`,
    });
  }
  return result(extra);
}

interface ReadHeader {
  alg: string;
  x5c: unknown;
}

function readHeader(part: string, reasons: VerificationReason[]): ReadHeader | undefined {
  const bytes = decodeBase64Url(part);
  const value = bytes ? parseJson(bytes) : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reasons.push({ code: 'MALFORMED', message: 'the protected header is not base64url of a JSON object' });
    return undefined;
  }
  const header = value as Record<string, unknown>;
  const problems: string[] = [];
  const alg = header['alg'];
  if (typeof alg !== 'string') problems.push('alg is missing');
  else if (alg.toLowerCase() === 'none') problems.push('alg "none" (an unsigned document) is never accepted');
  else if (!(ALLOWED_ALGS as readonly string[]).includes(alg))
    problems.push(`alg "${alg}" is not allowed (allowed: ${ALLOWED_ALGS.join(', ')})`);
  if (header['typ'] !== ATTESTATION_JWS_TYP)
    problems.push(`typ must be "${ATTESTATION_JWS_TYP}" (got ${JSON.stringify(header['typ'])})`);
  const unknown = Object.keys(header).filter((key) => !HEADER_KEYS.has(key));
  // `crit`, `jwk`, `x5u`… would ask the verifier to trust or fetch something else: refused, not ignored.
  if (unknown.length > 0) problems.push(`unexpected header parameters: ${unknown.join(', ')}`);
  if (!Array.isArray(header['x5c']) || header['x5c'].length === 0)
    problems.push('x5c (the signing certificate and its chain) is missing or empty');
  for (const message of problems) reasons.push({ code: 'HEADER_INVALID', message });
  return problems.length === 0 ? { alg: alg as string, x5c: header['x5c'] } : undefined;
}

function readCertificates(x5c: unknown, reasons: VerificationReason[]): Certificate[] | undefined {
  const items = x5c as unknown[];
  if (items.length > MAX_CHAIN) {
    reasons.push({
      code: 'HEADER_INVALID',
      message: `x5c has ${items.length} certificates (at most ${MAX_CHAIN})`,
    });
    return undefined;
  }
  const certificates: Certificate[] = [];
  for (const [index, item] of items.entries()) {
    const der = typeof item === 'string' ? decodeBase64(item) : undefined;
    try {
      if (!der) throw new Error('not base64');
      certificates.push(certificateFromDer(der));
    } catch {
      reasons.push({ code: 'MALFORMED', message: `x5c[${index}] is not a base64 DER X.509 certificate` });
      return undefined;
    }
  }
  return certificates;
}

function checkSignature(
  alg: string,
  leaf: Certificate,
  signingInput: string,
  signature: Buffer,
  reasons: VerificationReason[],
): void {
  const keyAlg = algorithmFor(leaf.publicKey);
  if (keyAlg !== alg) {
    reasons.push({
      code: 'HEADER_INVALID',
      message: `alg is ${alg} but the signing certificate holds ${typeof keyAlg === 'string' ? `a key for ${keyAlg}` : keyAlg.unsupported}`,
    });
    return;
  }
  const key = leaf.publicKey;
  let ok: boolean;
  try {
    ok =
      alg === 'ES256'
        ? signature.length === 64 &&
          verifySignature('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }, signature)
        : verifySignature(
            'sha256',
            Buffer.from(signingInput),
            { key, padding: constants.RSA_PKCS1_PADDING },
            signature,
          );
  } catch {
    ok = false;
  }
  if (!ok) {
    reasons.push({
      code: 'SIGNATURE_MISMATCH',
      message: `the ${alg} signature does not match the header and payload under the key of ${leaf.subject}`,
    });
  }
}

function readPayload(bytes: Buffer, reasons: VerificationReason[]): AttestationPayload | undefined {
  const value = parseJson(bytes);
  if (value === undefined) {
    reasons.push({ code: 'PAYLOAD_INVALID', message: 'the payload is not UTF-8 JSON' });
    return undefined;
  }
  let canonical: string | undefined;
  try {
    canonical = canonicalJson(value);
  } catch {
    canonical = undefined;
  }
  if (canonical !== bytes.toString('utf8')) {
    reasons.push({ code: 'PAYLOAD_INVALID', message: 'the payload is not in RFC 8785 canonical form' });
  }
  const parsed = AttestationPayloadSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      const where = issue.path.map(String).join('.');
      reasons.push({
        code: 'PAYLOAD_INVALID',
        message: `${where === '' ? 'payload' : where}: ${issue.message}`,
      });
    }
    return undefined;
  }
  return parsed.data;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

function signerOf(leaf: Certificate): SignerSummary {
  return {
    subject: leaf.subject,
    issuer: leaf.issuer,
    serialNumber: leaf.parsed.serialNumber,
    notBefore: leaf.notBefore.toISOString(),
    notAfter: leaf.notAfter.toISOString(),
    fingerprint: leaf.fingerprint,
  };
}
