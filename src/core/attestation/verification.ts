import type { AttestationPayload } from './payload.js';

/**
 * Why an attestation fails. A verifier collects every reason it can find (a tampered payload is
 * SIGNATURE_MISMATCH and maybe PAYLOAD_INVALID too), so a relying party sees the whole picture.
 */
export type VerificationCode =
  /** Not three base64url parts, or a part that is not the JSON/DER it must be. */
  | 'MALFORMED'
  /** The protected header is readable but not acceptable (alg not allowed, `none`, no x5c, …). */
  | 'HEADER_INVALID'
  /** The signature does not match the header and payload under the leaf certificate's key. */
  | 'SIGNATURE_MISMATCH'
  /** A link of the x5c chain is not issued (names or signature) by the next, or an issuer is no CA. */
  | 'CHAIN_INVALID'
  /** The chain does not end at one of the trust anchors. */
  | 'CHAIN_UNTRUSTED'
  | 'CERT_EXPIRED'
  | 'CERT_NOT_YET_VALID'
  /** The key usage of a certificate does not allow what it is used for. */
  | 'KEY_USAGE_INVALID'
  /** The payload is not a pkimm attestation of this version, or is not in canonical form. */
  | 'PAYLOAD_INVALID';

export interface VerificationReason {
  code: VerificationCode;
  message: string;
}

export interface SignerSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprint: string;
}

/** The outcome of verifying one attestation; `valid` is true exactly when `reasons` is empty. */
export interface VerificationResult {
  valid: boolean;
  reasons: VerificationReason[];
  /** When the check was made (certificate validity is judged at this instant). */
  checkedAt: string;
  alg?: string;
  /** `sha256:` + hex over the payload bytes, when the payload part could be decoded. */
  digest?: string;
  signer?: SignerSummary;
  /** The payload, when it matches the schema (even if the signature does not: shown, never trusted). */
  payload?: AttestationPayload;
}
