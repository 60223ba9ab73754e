/**
 * Hand-made certificate records and events for tests of the inventory and the rules (here
 * and in the scanner, server and web tests), so none of them needs real certificates.
 * Defaults describe an ordinary leaf: RSA-2048, SHA-256, one DNS name, CRL and OCSP pointers.
 */
import type { CertificateRecord, SourceEvent, SourceRef, TlsEndpoint } from './scan.types.js';

export const SAMPLE_NOW = '2026-06-01T00:00:00.000Z';
const DAY = 86_400_000;

/** An ISO instant `days` after (or before, when negative) the sample scan time. */
export function daysFromNow(days: number, now: string = SAMPLE_NOW): string {
  return new Date(Date.parse(now) + days * DAY).toISOString();
}

/** A 64-hex-digit fingerprint made from a label, stable and distinct per label. */
export function fakeFingerprint(label: string): string {
  let hex = '';
  let state = 2166136261;
  for (let round = 0; hex.length < 64; round++) {
    for (const char of `${label}#${round}`) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
    hex += state.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

export function sampleRecord(label: string, overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    fingerprint: fakeFingerprint(label),
    subject: `CN=${label}.example.org`,
    issuer: 'CN=Example Issuing CA,O=Example',
    subjectCommonName: `${label}.example.org`,
    issuerCommonName: 'Example Issuing CA',
    serialNumber: fakeFingerprint(`serial:${label}`).slice(0, 16).replace(/^0+/, ''),
    notBefore: daysFromNow(-30),
    notAfter: daysFromNow(335),
    keyAlgorithm: 'rsa',
    keySize: 2048,
    signatureAlgorithm: 'sha256WithRSAEncryption',
    signatureHash: 'sha256',
    publicKeyFingerprint: fakeFingerprint(`key:${label}`),
    isCa: false,
    selfIssued: false,
    dnsNames: [`${label}.example.org`],
    sanCount: 1,
    hasCrlDistributionPoint: true,
    hasOcsp: true,
    extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
    ...overrides,
  };
}

/** A self-issued root CA record named `CN=<name>`. */
export function sampleRoot(name: string, overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  const dn = `CN=${name}`;
  return sampleRecord(name, {
    subject: dn,
    issuer: dn,
    subjectCommonName: name,
    issuerCommonName: name,
    isCa: true,
    selfIssued: true,
    subjectKeyId: fakeFingerprint(`ski:${name}`).slice(0, 40),
    dnsNames: [],
    sanCount: 0,
    hasCrlDistributionPoint: false,
    hasOcsp: false,
    extendedKeyUsage: [],
    notBefore: daysFromNow(-1000),
    notAfter: daysFromNow(5000),
    ...overrides,
  });
}

export function fileSource(location: string): SourceRef {
  return { kind: 'file', location };
}

export function certificateEvent(
  record: CertificateRecord,
  source: SourceRef = fileSource('certs.pem'),
): SourceEvent {
  return { type: 'certificate', record, source };
}

export function sampleEndpoint(target: string, overrides: Partial<TlsEndpoint> = {}): TlsEndpoint {
  return {
    target,
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_256_GCM_SHA384',
    chain: [],
    authorized: true,
    ...overrides,
  };
}
