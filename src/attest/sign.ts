import { constants, sign } from 'node:crypto';
import { canonicalJson } from '../core/attestation/canonical-json.js';
import type { AttestationPayload } from '../core/attestation/payload.js';
import { encodeBase64Url } from './base64.js';
import { attestationDigest } from './digest.js';
import type { SigningIdentity } from './identity.js';
import { ATTESTATION_JWS_TYP, type AttestationHeader } from './jws-header.js';

export interface SignedAttestation {
  /** The JWS in compact serialisation: header.payload.signature. */
  jws: string;
  digest: string;
}

/**
 * Signs a payload as a compact JWS whose payload bytes are the payload's RFC 8785 form, so its
 * digest can be recomputed from the data alone. The header is canonical too (for reproducibility).
 */
export function signAttestation(payload: AttestationPayload, identity: SigningIdentity): SignedAttestation {
  const leaf = identity.chain[0];
  const header: AttestationHeader = {
    alg: identity.alg,
    typ: ATTESTATION_JWS_TYP,
    x5c: identity.chain.map((certificate) => certificate.der.toString('base64')),
    ...(leaf ? { kid: leaf.fingerprint } : {}),
  };
  const payloadBytes = Buffer.from(canonicalJson(payload), 'utf8');
  const signingInput = `${encodeBase64Url(Buffer.from(canonicalJson(header), 'utf8'))}.${encodeBase64Url(payloadBytes)}`;
  const signature =
    identity.alg === 'ES256'
      ? // JWS wants r||s (RFC 7518 §3.4), not the DER SEQUENCE node:crypto gives by default.
        sign('sha256', Buffer.from(signingInput), { key: identity.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(signingInput), {
          key: identity.privateKey,
          padding: constants.RSA_PKCS1_PADDING,
        });
  return { jws: `${signingInput}.${encodeBase64Url(signature)}`, digest: attestationDigest(payloadBytes) };
}
