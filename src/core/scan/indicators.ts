/**
 * The summary and indicators of a finished inventory. Everything counts unique certificates
 * (after deduplication), so a certificate found in three places weighs once.
 */
import { issuerMatches } from './automated-issuers.js';
import {
  DAY_MS,
  isQuantumVulnerable,
  isShortLived,
  isWeakKey,
  isWildcard,
  keyTypeLabel,
  notAfterMs,
  validityDays,
} from './certificate-facts.js';
import { commonNameOf } from './names.js';
import type {
  AlgorithmAsset,
  CountEntry,
  Finding,
  InventoryCertificate,
  KeyAsset,
  ScanIndicators,
  ScanInputDigest,
  ScanSourceKind,
  ScanSummary,
  TlsEndpoint,
} from './scan.types.js';

export interface IndicatorInput {
  now: number;
  /** The DN comparison form (`normalizeDn`, memoised by the builder). */
  normalize: (dn: string) => string;
  knownIssuers: readonly string[];
  /** Occurrences read, duplicates included. */
  occurrences: number;
  certificates: readonly InventoryCertificate[];
  endpoints: readonly TlsEndpoint[];
  algorithms: readonly AlgorithmAsset[];
  keys: readonly KeyAsset[];
  findings: readonly Finding[];
  inputs: readonly ScanInputDigest[];
  skipped: number;
}

export const SOURCE_KIND_ORDER: readonly ScanSourceKind[] = ['file', 'tls', 'csv', 'ct', 'cbom'];
const DISCOVERY_KINDS: ReadonlySet<ScanSourceKind> = new Set(['file', 'tls', 'ct']);
const EXPORT_KINDS: ReadonlySet<ScanSourceKind> = new Set(['csv', 'cbom']);
const VALIDITY_BUCKETS: readonly [string, number][] = [
  ['<=7', 7],
  ['<=47', 47],
  ['<=100', 100],
  ['<=200', 200],
  ['<=398', 398],
  ['<=825', 825],
];
const LEGACY_TLS = new Set(['sslv2', 'sslv3', 'tlsv1', 'tlsv1.0', 'tlsv1.1', 'tls1.0', 'tls1.1', 'tls1']);

export function isLegacyTls(protocol: string | undefined): boolean {
  return protocol !== undefined && LEGACY_TLS.has(protocol.toLowerCase().replace(/\s+/g, ''));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Count desc, then key: the order every list in the indicators uses unless it has a natural order. */
export function sortedCounts(counts: ReadonlyMap<string, number>): CountEntry[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || compareText(a.key, b.key));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

function validityBucket(days: number): string {
  return VALIDITY_BUCKETS.find(([, limit]) => days <= limit)?.[0] ?? '>825';
}

interface IssuerGroup {
  /** The smallest spelling of the DN seen, shown so the output does not depend on order. */
  name: string;
  count: number;
  cn: string | undefined;
  issuingFingerprints: Set<string>;
}

function groupIssuers(
  certificates: readonly InventoryCertificate[],
  normalize: (dn: string) => string,
): Map<string, IssuerGroup> {
  const groups = new Map<string, IssuerGroup>();
  for (const cert of certificates) {
    const key = normalize(cert.issuer);
    let group = groups.get(key);
    if (!group) {
      group = {
        name: cert.issuer.trim(),
        count: 0,
        cn: cert.issuerCommonName ?? commonNameOf(cert.issuer),
        issuingFingerprints: new Set(),
      };
      groups.set(key, group);
    }
    group.count++;
    const spelling = cert.issuer.trim();
    if (spelling < group.name) group.name = spelling;
    if (cert.issuerFingerprint !== undefined) group.issuingFingerprints.add(cert.issuerFingerprint);
    // A self-issued certificate is its own issuing certificate.
    if (cert.selfIssued) group.issuingFingerprints.add(cert.fingerprint);
  }
  return groups;
}

function knownToScope(
  dnKey: string,
  group: IssuerGroup,
  knownIssuers: readonly string[],
  subjects: ReadonlySet<string>,
): boolean {
  // Without a declared scope, an issuer counts as known when its own certificate was found.
  if (knownIssuers.length === 0) return subjects.has(dnKey);
  if (issuerMatches(dnKey, group.cn, knownIssuers)) return true;
  return knownIssuers.some((name) => group.issuingFingerprints.has(name.trim().toLowerCase()));
}

function issuerIndicators(
  certificates: readonly InventoryCertificate[],
  knownIssuers: readonly string[],
  normalize: (dn: string) => string,
): ScanIndicators['issuers'] {
  const subjects = new Set(certificates.map((cert) => normalize(cert.subject)));
  return [...groupIssuers(certificates, normalize)]
    .map(([key, group]) => ({
      // Exports may spell one DN differently; the smallest spelling is shown so the output does not depend on order.
      name: group.name,
      count: group.count,
      knownToScope: knownToScope(key, group, knownIssuers, subjects),
    }))
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name));
}

function endpointIndicators(
  endpoints: readonly TlsEndpoint[],
  byFingerprint: ReadonlyMap<string, InventoryCertificate>,
  now: number,
) {
  const protocols = new Map<string, number>();
  let legacy = 0;
  let untrusted = 0;
  let servingExpired = 0;
  for (const endpoint of endpoints) {
    increment(protocols, endpoint.protocol ?? 'unknown');
    if (isLegacyTls(endpoint.protocol)) legacy++;
    if (!endpoint.authorized) untrusted++;
    const leaf = endpoint.chain[0] === undefined ? undefined : byFingerprint.get(endpoint.chain[0]);
    const end = leaf === undefined ? undefined : notAfterMs(leaf);
    if (end !== undefined && end < now) servingExpired++;
  }
  return { tlsProtocols: sortedCounts(protocols), legacy, untrusted, servingExpired };
}

function sourceKinds(input: IndicatorInput): ScanSourceKind[] {
  const kinds = new Set<ScanSourceKind>();
  for (const cert of input.certificates) for (const source of cert.sources) kinds.add(source.kind);
  if (input.endpoints.length > 0) kinds.add('tls');
  for (const item of [...input.algorithms, ...input.keys]) kinds.add(item.source.kind);
  for (const digest of input.inputs) kinds.add(digest.kind);
  return SOURCE_KIND_ORDER.filter((kind) => kinds.has(kind));
}

/** Share of discovered certificates an inventory export also lists; undefined without an export or discoveries. */
function inventoryCoverage(input: IndicatorInput): number | undefined {
  let discovered = 0;
  let listed = 0;
  let exportSeen = input.inputs.some((digest) => EXPORT_KINDS.has(digest.kind));
  for (const cert of input.certificates) {
    const kinds = cert.sources.map((source) => source.kind);
    const inExport = kinds.some((kind) => EXPORT_KINDS.has(kind));
    if (inExport) exportSeen = true;
    if (kinds.some((kind) => DISCOVERY_KINDS.has(kind))) {
      discovered++;
      if (inExport) listed++;
    }
  }
  return exportSeen && discovered > 0 ? listed / discovered : undefined;
}

export function computeIndicators(input: IndicatorInput): ScanIndicators {
  const { certificates, now } = input;
  const byFingerprint = new Map(certificates.map((cert) => [cert.fingerprint, cert]));
  const keyTypes = new Map<string, number>();
  const signatures = new Map<string, number>();
  const buckets = new Map<string, number>();
  const months = new Map<string, number>();
  const publicKeys = new Map<string, number>();
  const validities: number[] = [];
  const counts = {
    ca: 0,
    complete: 0,
    incomplete: 0,
    expired: 0,
    within30: 0,
    within60: 0,
    within90: 0,
    wildcard: 0,
    withSan: 0,
    crl: 0,
    ocsp: 0,
    quantum: 0,
    shortLived: 0,
    automated: 0,
    weak: 0,
    sha1: 0,
    md5: 0,
  };
  for (const cert of certificates) {
    if (cert.isCa) counts.ca++;
    else if (cert.chainComplete) counts.complete++;
    else counts.incomplete++;
    increment(keyTypes, keyTypeLabel(cert));
    increment(signatures, cert.signatureAlgorithm);
    const days = validityDays(cert);
    if (days !== undefined) {
      validities.push(days);
      increment(buckets, validityBucket(days));
    }
    const end = notAfterMs(cert);
    if (end !== undefined) {
      increment(months, new Date(end).toISOString().slice(0, 7));
      if (end < now) counts.expired++;
      else {
        if (end <= now + 30 * DAY_MS) counts.within30++;
        if (end <= now + 60 * DAY_MS) counts.within60++;
        if (end <= now + 90 * DAY_MS) counts.within90++;
      }
    }
    if (isWildcard(cert)) counts.wildcard++;
    if (cert.sanCount > 0) counts.withSan++;
    if (cert.publicKeyFingerprint !== undefined) increment(publicKeys, cert.publicKeyFingerprint);
    if (!cert.selfIssued) {
      if (cert.hasCrlDistributionPoint) counts.crl++;
      if (cert.hasOcsp) counts.ocsp++;
    }
    if (isQuantumVulnerable(cert)) counts.quantum++;
    if (isShortLived(cert)) counts.shortLived++;
    if (cert.automated === true) counts.automated++;
    if (isWeakKey(cert)) counts.weak++;
    if (cert.signatureHash === 'sha1') counts.sha1++;
    if (cert.signatureHash === 'md5') counts.md5++;
  }
  const issuers = issuerIndicators(certificates, input.knownIssuers, input.normalize);
  const tls = endpointIndicators(input.endpoints, byFingerprint, now);
  const unique = certificates.length;
  const medianValidityDays = median(validities);
  const coverage = inventoryCoverage(input);
  return {
    issuers,
    unknownIssuers: issuers.filter((issuer) => !issuer.knownToScope).length,
    caCertificates: counts.ca,
    chainsComplete: counts.complete,
    chainsIncomplete: counts.incomplete,
    keyTypes: sortedCounts(keyTypes),
    signatureAlgorithms: sortedCounts(signatures),
    // Buckets keep their natural order (short to long), like a histogram; empty buckets are left out.
    validityDays: [...VALIDITY_BUCKETS.map(([key]) => key), '>825']
      .filter((key) => buckets.has(key))
      .map((key) => ({ key, count: buckets.get(key) ?? 0 })),
    ...(medianValidityDays === undefined ? {} : { medianValidityDays }),
    expired: counts.expired,
    expiringWithin30Days: counts.within30,
    expiringWithin60Days: counts.within60,
    expiringWithin90Days: counts.within90,
    expiryByMonth: [...months]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => compareText(a.key, b.key)),
    wildcardCertificates: counts.wildcard,
    withSan: counts.withSan,
    withoutSan: unique - counts.withSan,
    reusedKeys: sortedCounts(new Map([...publicKeys].filter(([, count]) => count > 1))),
    withCrlDistributionPoint: counts.crl,
    withOcsp: counts.ocsp,
    quantumVulnerableShare: share(counts.quantum, unique),
    shortLivedShare: share(counts.shortLived, unique),
    automatedShare: share(counts.automated, unique),
    weakKeys: counts.weak,
    sha1Signatures: counts.sha1,
    md5Signatures: counts.md5,
    tlsProtocols: tls.tlsProtocols,
    legacyTlsEndpoints: tls.legacy,
    untrustedEndpoints: tls.untrusted,
    endpointsServingExpired: tls.servingExpired,
    privateKeysFound: input.findings.filter((finding) => finding.kind === 'private-key').length,
    sourceKinds: sourceKinds(input),
    ...(coverage === undefined ? {} : { inventoryCoverage: coverage }),
    declaredAlgorithms: input.algorithms.length,
    declaredQuantumVulnerable: input.algorithms.filter(
      (algorithm) => algorithm.nistQuantumSecurityLevel === 0,
    ).length,
  };
}

export function computeSummary(input: IndicatorInput, indicators: ScanIndicators): ScanSummary {
  return {
    certificates: input.occurrences,
    unique: input.certificates.length,
    expired: indicators.expired,
    expiringWithin30Days: indicators.expiringWithin30Days,
    weakKeys: indicators.weakKeys,
    sha1Signatures: indicators.sha1Signatures,
    issuers: indicators.issuers.length,
    skipped: input.skipped,
  };
}
