/**
 * Filtering the inventory table. The states use the same definitions as the scan's summary
 * (expired and expiring measured against the scan time, weak = RSA/DSA under 2048 bits or EC
 * under 256 bits), so "expired" lists exactly as many rows as the summary counts.
 */
import type { InventoryCertificate } from '../../core/scan/scan.types.js';

export const CERTIFICATE_STATES = ['all', 'expired', 'expiring', 'weak', 'sha1'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export interface InventoryFilter {
  /** Matched case-insensitively against subject, issuer and DNS names. */
  text: string;
  /** An issuer DN, or '' for any. */
  issuer: string;
  state: CertificateState;
  /** A key label as keyLabel() gives it, or '' for any. */
  keyType: string;
}

export const NO_FILTER: InventoryFilter = { text: '', issuer: '', state: 'all', keyType: '' };

const DAY_MS = 86_400_000;

/** `rsa-2048`, `ec-P-256`, `ed25519`: the shape of the indicators' key types. */
export function keyLabel(cert: Pick<InventoryCertificate, 'keyAlgorithm' | 'keySize' | 'curve'>): string {
  if (cert.keyAlgorithm === 'ec') return cert.curve ? `ec-${cert.curve}` : 'ec';
  if (cert.keyAlgorithm === 'ed25519' || cert.keyAlgorithm === 'ed448') return cert.keyAlgorithm;
  return cert.keySize ? `${cert.keyAlgorithm}-${cert.keySize}` : cert.keyAlgorithm;
}

export function isWeak(cert: Pick<InventoryCertificate, 'keyAlgorithm' | 'keySize'>): boolean {
  if (cert.keySize === undefined) return false;
  if (cert.keyAlgorithm === 'rsa' || cert.keyAlgorithm === 'rsa-pss' || cert.keyAlgorithm === 'dsa')
    return cert.keySize < 2048;
  if (cert.keyAlgorithm === 'ec') return cert.keySize < 256;
  return false;
}

function notAfterMs(cert: InventoryCertificate): number | null {
  if (!cert.notAfter) return null;
  const ms = Date.parse(cert.notAfter);
  return Number.isNaN(ms) ? null : ms;
}

export function hasState(cert: InventoryCertificate, state: CertificateState, scannedAt: string): boolean {
  const now = Date.parse(scannedAt);
  const end = notAfterMs(cert);
  switch (state) {
    case 'all':
      return true;
    case 'expired':
      return end !== null && end < now;
    case 'expiring':
      return end !== null && end >= now && end <= now + 30 * DAY_MS;
    case 'weak':
      return isWeak(cert);
    case 'sha1':
      return cert.signatureHash === 'sha1';
  }
}

function matchesText(cert: InventoryCertificate, needle: string): boolean {
  if (!needle) return true;
  const lower = needle.toLowerCase();
  return [cert.subject, cert.issuer, ...cert.dnsNames].some((value) => value.toLowerCase().includes(lower));
}

export function filterInventory(
  certificates: readonly InventoryCertificate[],
  filter: InventoryFilter,
  scannedAt: string,
): InventoryCertificate[] {
  const text = filter.text.trim();
  return certificates.filter(
    (cert) =>
      matchesText(cert, text) &&
      (!filter.issuer || cert.issuer === filter.issuer) &&
      (!filter.keyType || keyLabel(cert) === filter.keyType) &&
      hasState(cert, filter.state, scannedAt),
  );
}

/** The choices of the issuer and key type selects, sorted, each once. */
export function filterChoices(certificates: readonly InventoryCertificate[]): {
  issuers: { value: string; label: string }[];
  keyTypes: string[];
} {
  const issuers = new Map<string, string>();
  const keyTypes = new Set<string>();
  for (const cert of certificates) {
    issuers.set(cert.issuer, cert.issuerCommonName ?? cert.issuer);
    keyTypes.add(keyLabel(cert));
  }
  // Two CAs may share a common name; those are told apart by their whole name.
  const seen = new Map<string, number>();
  for (const label of issuers.values()) seen.set(label, (seen.get(label) ?? 0) + 1);
  return {
    issuers: [...issuers]
      .map(([value, label]) => ({ value, label: (seen.get(label) ?? 0) > 1 ? value : label }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value)),
    keyTypes: [...keyTypes].sort(),
  };
}
