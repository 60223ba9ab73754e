import { createHash } from 'node:crypto';

/** The attestation digest: `sha256:` + lowercase hex of SHA-256 over the payload bytes. */
export function attestationDigest(payloadBytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(payloadBytes).digest('hex')}`;
}
