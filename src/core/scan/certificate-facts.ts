/**
 * Facts about one certificate that several indicators and rules need: key strength, validity
 * length, quantum exposure. Kept in one place so the summary and the rules never disagree.
 */
import type { CertificateRecord } from './scan.types.js';

export const DAY_MS = 86_400_000;

/** The field size of a named curve, read from the digits in its name (P-256, secp384r1, brainpoolP512r1). */
export function curveBits(curve: string | undefined): number | undefined {
  const match = curve === undefined ? null : /(\d{3})/.exec(curve);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** RSA or DSA under 2048 bits, EC under 256 bits. Ed25519 and Ed448 are never weak; an unknown size is not counted. */
export function isWeakKey(record: Pick<CertificateRecord, 'keyAlgorithm' | 'keySize' | 'curve'>): boolean {
  switch (record.keyAlgorithm) {
    case 'rsa':
    case 'rsa-pss':
    case 'dsa':
      return record.keySize !== undefined && record.keySize < 2048;
    case 'ec': {
      const bits = record.keySize ?? curveBits(record.curve);
      return bits !== undefined && bits < 256;
    }
    default:
      return false;
  }
}

/** `rsa-2048`, `ec-P-256`, `ed25519`, `ml-dsa`: how the key mix is reported. */
export function keyTypeLabel(record: Pick<CertificateRecord, 'keyAlgorithm' | 'keySize' | 'curve'>): string {
  switch (record.keyAlgorithm) {
    case 'rsa':
    case 'rsa-pss':
    case 'dsa':
      return record.keySize === undefined ? record.keyAlgorithm : `${record.keyAlgorithm}-${record.keySize}`;
    case 'ec':
      if (record.curve !== undefined) return `ec-${record.curve}`;
      return record.keySize === undefined ? 'ec' : `ec-${record.keySize}`;
    default:
      return record.keyAlgorithm;
  }
}

const CLASSICAL_KEYS = new Set(['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'dsa']);
const POST_QUANTUM_SIGNATURE = /ml-?dsa|slh-?dsa|sphincs|falcon|fn-?dsa|xmss|\blms\b|hss/i;
const CLASSICAL_SIGNATURE = /rsa|ecdsa|dsa|ed25519|ed448|sm2|gost/i;

/** Whether Shor's algorithm breaks the key or the issuer's signature on this certificate. */
export function isQuantumVulnerable(
  record: Pick<CertificateRecord, 'keyAlgorithm' | 'signatureAlgorithm'>,
): boolean {
  if (CLASSICAL_KEYS.has(record.keyAlgorithm)) return true;
  // A post-quantum name is checked first because "ml-dsa" also contains "dsa".
  if (POST_QUANTUM_SIGNATURE.test(record.signatureAlgorithm)) return false;
  return CLASSICAL_SIGNATURE.test(record.signatureAlgorithm);
}

export function isPostQuantumKey(record: Pick<CertificateRecord, 'keyAlgorithm'>): boolean {
  return record.keyAlgorithm === 'ml-dsa' || record.keyAlgorithm === 'slh-dsa';
}

function instant(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

export function notAfterMs(record: Pick<CertificateRecord, 'notAfter'>): number | undefined {
  return instant(record.notAfter);
}

/** Validity length in days (fractional), when both dates are known and in order. */
export function validityDays(record: Pick<CertificateRecord, 'notBefore' | 'notAfter'>): number | undefined {
  const from = instant(record.notBefore);
  const to = instant(record.notAfter);
  if (from === undefined || to === undefined || to < from) return undefined;
  return (to - from) / DAY_MS;
}

export const SHORT_LIVED_DAYS = 7;

export function isShortLived(record: Pick<CertificateRecord, 'notBefore' | 'notAfter'>): boolean {
  const days = validityDays(record);
  return days !== undefined && days <= SHORT_LIVED_DAYS;
}

export function isWildcard(record: Pick<CertificateRecord, 'dnsNames' | 'subjectCommonName'>): boolean {
  return (
    record.dnsNames.some((name) => name.startsWith('*.')) ||
    (record.subjectCommonName?.startsWith('*.') ?? false)
  );
}

/** A signature hash that no longer resists collisions: MD2, MD5, SHA-1. */
export function hasBrokenSignatureHash(record: Pick<CertificateRecord, 'signatureHash'>): boolean {
  return record.signatureHash === 'md2' || record.signatureHash === 'md5' || record.signatureHash === 'sha1';
}

export function hasRevocationPointer(
  record: Pick<CertificateRecord, 'hasCrlDistributionPoint' | 'hasOcsp'>,
): boolean {
  return record.hasCrlDistributionPoint || record.hasOcsp;
}
