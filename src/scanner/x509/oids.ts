/**
 * The object identifiers the scanner names. Legacy algorithms (MD2, MD5, SHA-1, DSA) are here on
 * purpose: they are what the weak-signature indicators look for, and @peculiar/x509 and
 * node:crypto leave several of them as bare OIDs.
 */
import type { HashName, KeyAlgorithm } from '../../core/scan/scan.types.js';

/** RFC 4514 short names, plus the two attributes OpenSSL also names (emailAddress, serialNumber). */
export const ATTRIBUTE_NAMES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
]);

export const COMMON_NAME = '2.5.4.3';

export const HASHES: ReadonlyMap<string, HashName> = new Map([
  ['1.2.840.113549.2.2', 'md2'],
  ['1.2.840.113549.2.5', 'md5'],
  ['1.3.14.3.2.26', 'sha1'],
  ['2.16.840.1.101.3.4.2.4', 'sha224'],
  ['2.16.840.1.101.3.4.2.1', 'sha256'],
  ['2.16.840.1.101.3.4.2.2', 'sha384'],
  ['2.16.840.1.101.3.4.2.3', 'sha512'],
]);

export const RSASSA_PSS = '1.2.840.113549.1.1.10';

const SLH_DSA = [
  'sha2-128s',
  'sha2-128f',
  'sha2-192s',
  'sha2-192f',
  'sha2-256s',
  'sha2-256f',
  'shake-128s',
  'shake-128f',
  'shake-192s',
  'shake-192f',
  'shake-256s',
  'shake-256f',
];

/** Signature algorithm OID → readable name and the hash it signs with. */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, { name: string; hash: HashName }> = new Map([
  ['1.2.840.113549.1.1.2', { name: 'md2WithRSAEncryption', hash: 'md2' }],
  ['1.2.840.113549.1.1.3', { name: 'md4WithRSAEncryption', hash: 'unknown' }],
  ['1.2.840.113549.1.1.4', { name: 'md5WithRSAEncryption', hash: 'md5' }],
  ['1.2.840.113549.1.1.5', { name: 'sha1WithRSAEncryption', hash: 'sha1' }],
  ['1.3.14.3.2.29', { name: 'sha1WithRSASignature', hash: 'sha1' }],
  ['1.2.840.113549.1.1.14', { name: 'sha224WithRSAEncryption', hash: 'sha224' }],
  ['1.2.840.113549.1.1.11', { name: 'sha256WithRSAEncryption', hash: 'sha256' }],
  ['1.2.840.113549.1.1.12', { name: 'sha384WithRSAEncryption', hash: 'sha384' }],
  ['1.2.840.113549.1.1.13', { name: 'sha512WithRSAEncryption', hash: 'sha512' }],
  // The hash of RSASSA-PSS sits in its parameters; parse-certificate reads it (default SHA-1).
  [RSASSA_PSS, { name: 'RSASSA-PSS', hash: 'sha1' }],
  ['1.2.840.10040.4.3', { name: 'dsa-with-sha1', hash: 'sha1' }],
  ['2.16.840.1.101.3.4.3.1', { name: 'dsa-with-sha224', hash: 'sha224' }],
  ['2.16.840.1.101.3.4.3.2', { name: 'dsa-with-sha256', hash: 'sha256' }],
  ['2.16.840.1.101.3.4.3.3', { name: 'dsa-with-sha384', hash: 'sha384' }],
  ['2.16.840.1.101.3.4.3.4', { name: 'dsa-with-sha512', hash: 'sha512' }],
  ['1.2.840.10045.4.1', { name: 'ecdsa-with-SHA1', hash: 'sha1' }],
  ['1.2.840.10045.4.3.1', { name: 'ecdsa-with-SHA224', hash: 'sha224' }],
  ['1.2.840.10045.4.3.2', { name: 'ecdsa-with-SHA256', hash: 'sha256' }],
  ['1.2.840.10045.4.3.3', { name: 'ecdsa-with-SHA384', hash: 'sha384' }],
  ['1.2.840.10045.4.3.4', { name: 'ecdsa-with-SHA512', hash: 'sha512' }],
  ['1.3.101.112', { name: 'Ed25519', hash: 'none' }],
  ['1.3.101.113', { name: 'Ed448', hash: 'none' }],
  ['2.16.840.1.101.3.4.3.17', { name: 'ML-DSA-44', hash: 'none' }],
  ['2.16.840.1.101.3.4.3.18', { name: 'ML-DSA-65', hash: 'none' }],
  ['2.16.840.1.101.3.4.3.19', { name: 'ML-DSA-87', hash: 'none' }],
  ...SLH_DSA.map(
    (name, i) =>
      [`2.16.840.1.101.3.4.3.${20 + i}`, { name: `SLH-DSA-${name.toUpperCase()}`, hash: 'none' }] as const,
  ),
]);

/** SubjectPublicKeyInfo algorithm OID → key algorithm and, where it is fixed, the size. */
export const KEY_ALGORITHMS: ReadonlyMap<string, { algorithm: KeyAlgorithm; size?: number }> = new Map<
  string,
  { algorithm: KeyAlgorithm; size?: number }
>([
  ['1.2.840.113549.1.1.1', { algorithm: 'rsa' }],
  [RSASSA_PSS, { algorithm: 'rsa-pss' }],
  ['1.2.840.10040.4.1', { algorithm: 'dsa' }],
  ['1.2.840.10045.2.1', { algorithm: 'ec' }],
  ['1.3.101.112', { algorithm: 'ed25519', size: 255 }],
  ['1.3.101.113', { algorithm: 'ed448', size: 448 }],
  ['2.16.840.1.101.3.4.3.17', { algorithm: 'ml-dsa' }],
  ['2.16.840.1.101.3.4.3.18', { algorithm: 'ml-dsa' }],
  ['2.16.840.1.101.3.4.3.19', { algorithm: 'ml-dsa' }],
  ...SLH_DSA.map((_, i) => [`2.16.840.1.101.3.4.3.${20 + i}`, { algorithm: 'slh-dsa' }] as const),
]);

/** Named elliptic curves: the name the scan reports and the field size in bits. */
export const CURVES: ReadonlyMap<string, { name: string; size: number }> = new Map([
  ['1.2.840.10045.3.1.1', { name: 'P-192', size: 192 }],
  ['1.3.132.0.33', { name: 'P-224', size: 224 }],
  ['1.2.840.10045.3.1.7', { name: 'P-256', size: 256 }],
  ['1.3.132.0.34', { name: 'P-384', size: 384 }],
  ['1.3.132.0.35', { name: 'P-521', size: 521 }],
  ['1.3.132.0.10', { name: 'secp256k1', size: 256 }],
  ['1.3.36.3.3.2.8.1.1.7', { name: 'brainpoolP256r1', size: 256 }],
  ['1.3.36.3.3.2.8.1.1.11', { name: 'brainpoolP384r1', size: 384 }],
  ['1.3.36.3.3.2.8.1.1.13', { name: 'brainpoolP512r1', size: 512 }],
]);

export const EXTENSIONS = {
  subjectKeyId: '2.5.29.14',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyId: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

export const OCSP_ACCESS_METHOD = '1.3.6.1.5.5.7.48.1';
