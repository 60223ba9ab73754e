/** The protected header of an attestation JWS. `typ` names the content so it is not mistaken for another JWS. */
export const ATTESTATION_JWS_TYP = 'pkimm-attestation+jws';

export interface AttestationHeader {
  alg: string;
  typ: string;
  /** The signing certificate, then its issuers: standard base64 of each DER (RFC 7515 §4.1.6). */
  x5c: string[];
  /** A hint only: SHA-256 of the signing certificate, hex; verification always uses x5c. */
  kid?: string;
}
