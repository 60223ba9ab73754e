import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { PkimmError } from '../core/errors.js';
import { certificatesFromPem, type Certificate } from './certificates.js';

export type AttestationAlg = 'ES256' | 'RS256';
export const ALLOWED_ALGS: readonly AttestationAlg[] = ['ES256', 'RS256'];

/** A private key with its certificate and the chain above it (leaf first), ready to sign. */
export interface SigningIdentity {
  alg: AttestationAlg;
  privateKey: KeyObject;
  /** The signing certificate, then its issuers, as they go into the header's x5c. */
  chain: Certificate[];
}

/**
 * The JWS algorithm a public key signs with: ES256 for EC P-256, RS256 for RSA of at least
 * 2048 bits. Anything else is refused with what it is, so the operator knows what to change.
 */
export function algorithmFor(key: KeyObject): AttestationAlg | { unsupported: string } {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'ec') {
    return details.namedCurve === 'prime256v1'
      ? 'ES256'
      : {
          unsupported: `an EC key on ${details.namedCurve ?? 'an unknown curve'} (only P-256 is supported, for ES256)`,
        };
  }
  if (type === 'rsa') {
    const bits = details.modulusLength ?? 0;
    return bits >= 2048
      ? 'RS256'
      : { unsupported: `an RSA key of ${bits} bits (at least 2048 are required)` };
  }
  return { unsupported: `a key of type ${type ?? 'unknown'} (supported: EC P-256 for ES256, RSA for RS256)` };
}

/** Builds an identity, checking that the key is supported and belongs to the first certificate. */
export function identityOf(privateKey: KeyObject, chain: Certificate[], source: string): SigningIdentity {
  const leaf = chain[0];
  if (!leaf) throw new PkimmError('USAGE', 'no signing certificate given', { source });
  const alg = algorithmFor(privateKey);
  if (typeof alg !== 'string') {
    throw new PkimmError('USAGE', `cannot sign attestations with ${alg.unsupported}`, { source });
  }
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCert = leaf.node.publicKey.export({ type: 'spki', format: 'der' });
  if (!fromKey.equals(fromCert)) {
    throw new PkimmError('USAGE', `the private key does not belong to the certificate of ${leaf.subject}`, {
      source,
    });
  }
  return { alg, privateKey, chain };
}

/** Reads a PEM private key: PKCS#8 (`PRIVATE KEY`), SEC1 (`EC PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE KEY`). */
export function privateKeyFromPem(text: string, source: string): KeyObject {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text)) {
    throw new PkimmError(
      'USAGE',
      'the private key is encrypted; give an unencrypted PEM key, or a PKCS#12 file with --p12 and --password-stdin',
      { source },
    );
  }
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text)) {
    throw new PkimmError(
      'PARSE_ERROR',
      'no PEM private key found (expected PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY)',
      { source },
    );
  }
  try {
    return createPrivateKey({ key: text, format: 'pem' });
  } catch (error) {
    throw new PkimmError('PARSE_ERROR', `the private key cannot be read: ${(error as Error).message}`, {
      source,
      cause: error,
    });
  }
}

export interface PemIdentityFiles {
  key: { text: string; source: string };
  cert: { text: string; source: string };
  chain?: { text: string; source: string };
}

/** An identity from PEM texts: the key, the signing certificate, and optionally the chain above it. */
export function pemIdentity(files: PemIdentityFiles): SigningIdentity {
  const privateKey = privateKeyFromPem(files.key.text, files.key.source);
  const certs = certificatesFromPem(files.cert.text, files.cert.source);
  const chain = files.chain ? certificatesFromPem(files.chain.text, files.chain.source) : [];
  // A certificate file may carry its chain already; a separate chain file goes after it.
  return identityOf(privateKey, [...certs, ...chain], files.key.source);
}
