/**
 * Key algorithm and size from a SubjectPublicKeyInfo, read straight from the DER: the RSA
 * modulus, the DSA prime in the parameters, the named curve of an EC key.
 */
import type { KeyAlgorithm } from '../../core/scan/scan.types.js';
import { DerError, expectElement, integerBits, readElement, readOid, TAG, type Element } from './der.js';
import { CURVES, KEY_ALGORITHMS } from './oids.js';

export interface KeyFacts {
  keyAlgorithm: KeyAlgorithm;
  keySize?: number;
  curve?: string;
}

export function readPublicKey(bytes: Buffer, spki: Element): KeyFacts {
  const algorithm = expectElement(
    bytes,
    spki.valueStart,
    spki.end,
    TAG.sequence,
    'the key AlgorithmIdentifier',
  );
  const oidElement = expectElement(
    bytes,
    algorithm.valueStart,
    algorithm.end,
    TAG.oid,
    'the key algorithm OID',
  );
  const parameters =
    oidElement.end < algorithm.end ? readElement(bytes, oidElement.end, algorithm.end) : undefined;
  const key = expectElement(bytes, algorithm.end, spki.end, TAG.bitString, 'the public key BIT STRING');
  if (key.end !== spki.end) throw new DerError(`data follows the public key at byte ${key.end}`);
  if (key.valueStart >= key.end) throw new DerError(`empty public key BIT STRING at byte ${key.start}`);
  // The first content byte counts unused bits; keys are whole bytes.
  const keyStart = key.valueStart + 1;
  const oid = readOid(bytes, oidElement);
  const known = KEY_ALGORITHMS.get(oid);
  if (!known) return { keyAlgorithm: 'other' };
  switch (known.algorithm) {
    case 'rsa':
    case 'rsa-pss': {
      const sequence = expectElement(bytes, keyStart, key.end, TAG.sequence, 'the RSAPublicKey SEQUENCE');
      const modulus = expectElement(bytes, sequence.valueStart, sequence.end, TAG.integer, 'the RSA modulus');
      return { keyAlgorithm: known.algorithm, keySize: integerBits(bytes, modulus) };
    }
    case 'dsa': {
      // Parameters may be inherited from the issuer, and then the size is not in this certificate.
      if (!parameters || parameters.tag !== TAG.sequence) return { keyAlgorithm: 'dsa' };
      const p = expectElement(bytes, parameters.valueStart, parameters.end, TAG.integer, 'the DSA prime p');
      return { keyAlgorithm: 'dsa', keySize: integerBits(bytes, p) };
    }
    case 'ec': {
      const pointBytes = key.end - keyStart;
      // Uncompressed points hold two coordinates, compressed ones one; a fallback for unnamed curves.
      const fromPoint = bytes[keyStart] === 0x04 ? ((pointBytes - 1) / 2) * 8 : (pointBytes - 1) * 8;
      if (parameters?.tag === TAG.oid) {
        const curveOid = readOid(bytes, parameters);
        const curve = CURVES.get(curveOid);
        if (curve) return { keyAlgorithm: 'ec', keySize: curve.size, curve: curve.name };
        return {
          keyAlgorithm: 'ec',
          curve: curveOid,
          ...(fromPoint > 0 ? { keySize: Math.floor(fromPoint) } : {}),
        };
      }
      return { keyAlgorithm: 'ec', ...(fromPoint > 0 ? { keySize: Math.floor(fromPoint) } : {}) };
    }
    default:
      return known.size === undefined
        ? { keyAlgorithm: known.algorithm }
        : { keyAlgorithm: known.algorithm, keySize: known.size };
  }
}
