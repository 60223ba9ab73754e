/**
 * Links each certificate to its issuing certificate inside the inventory and decides whether
 * the path reaches a self-issued certificate. Names are compared in normalised form; when both
 * key identifiers are present they must agree, which separates a renewed CA from its predecessor.
 */
import { normalizeDn } from './names.js';
import type { InventoryCertificate } from './scan.types.js';

function issuerCandidates(
  cert: InventoryCertificate,
  bySubject: ReadonlyMap<string, InventoryCertificate[]>,
  normalize: (dn: string) => string,
): InventoryCertificate[] {
  const named = bySubject.get(normalize(cert.issuer)) ?? [];
  return named.filter(
    (candidate) =>
      candidate.fingerprint !== cert.fingerprint &&
      (candidate.subjectKeyId === undefined ||
        cert.authorityKeyId === undefined ||
        candidate.subjectKeyId === cert.authorityKeyId),
  );
}

/** Prefers a CA certificate, then one whose key id was actually confirmed, then the smaller fingerprint. */
function rank(cert: InventoryCertificate, candidate: InventoryCertificate): [number, number, string] {
  const confirmed = candidate.subjectKeyId !== undefined && candidate.subjectKeyId === cert.authorityKeyId;
  return [candidate.isCa ? 0 : 1, confirmed ? 0 : 1, candidate.fingerprint];
}

function compareRank(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

/**
 * Sets `issuerFingerprint` and `chainComplete` on every certificate. `normalize` is the DN
 * comparison form, passed in so the builder can share one memo across the whole finish.
 */
export function linkChains(
  certificates: InventoryCertificate[],
  normalize: (dn: string) => string = normalizeDn,
): void {
  const bySubject = new Map<string, InventoryCertificate[]>();
  const byFingerprint = new Map<string, InventoryCertificate>();
  for (const cert of certificates) {
    const key = normalize(cert.subject);
    const list = bySubject.get(key);
    if (list) list.push(cert);
    else bySubject.set(key, [cert]);
    byFingerprint.set(cert.fingerprint, cert);
  }
  for (const cert of certificates) {
    // Only a repeated finish finds a link here; deleting just then keeps the usual path free of shape changes.
    if (cert.issuerFingerprint !== undefined) delete cert.issuerFingerprint;
    if (cert.selfIssued) continue;
    let best: InventoryCertificate | undefined;
    for (const candidate of issuerCandidates(cert, bySubject, normalize)) {
      if (best === undefined || compareRank(rank(cert, candidate), rank(cert, best)) < 0) best = candidate;
    }
    if (best) cert.issuerFingerprint = best.fingerprint;
  }
  // Walk each path once; a memo keeps this linear for large inventories, and the visited set
  // stops cycles (two CAs that cross-certify each other without a self-issued root).
  const complete = new Map<string, boolean>();
  for (const start of certificates) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: InventoryCertificate | undefined = start;
    let result = false;
    while (current) {
      const known = complete.get(current.fingerprint);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (onPath.has(current.fingerprint)) break;
      path.push(current.fingerprint);
      onPath.add(current.fingerprint);
      if (current.selfIssued) {
        result = true;
        break;
      }
      current =
        current.issuerFingerprint === undefined ? undefined : byFingerprint.get(current.issuerFingerprint);
    }
    for (const fingerprint of path) complete.set(fingerprint, result);
  }
  for (const cert of certificates) cert.chainComplete = complete.get(cert.fingerprint) ?? false;
}
