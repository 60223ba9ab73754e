/**
 * Folds the scanner's events into an inventory. Certificates are kept once per fingerprint
 * while events arrive; records without their DER (derived fingerprints) are merged with the
 * certificate they describe only in `finish()`, so the result does not depend on event order.
 */
import { automatedIssuerMatcher } from './automated-issuers.js';
import { linkChains } from './chains.js';
import { computeIndicators, computeSummary, type IndicatorInput } from './indicators.js';
import { createDnNormalizer, issuerSerialKey } from './names.js';
import type {
  AlgorithmAsset,
  CertificateRecord,
  Finding,
  Inventory,
  InventoryCertificate,
  KeyAsset,
  ScanInputDigest,
  SkippedItem,
  SourceEvent,
  SourceRef,
  TlsEndpoint,
} from './scan.types.js';
import { PkimmError } from '../errors.js';

export interface InventoryBuilderOptions {
  /** ISO instant the expiry indicators are measured against. */
  now: string;
  /** Issuer names, DN fragments or issuing-certificate fingerprints that belong to the declared scope. */
  knownIssuers?: string[];
  /** Issuers to count as automated, in addition to the built-in ACME CAs. */
  automatedIssuers?: string[];
}

export interface InventoryBuilder {
  add(event: SourceEvent): void;
  counts(): { certificates: number; skipped: number };
  /**
   * The inventory so far. It hands over the builder's own records rather than copies (a copy
   * of 100,000 certificates would double the memory), so call it after the last `add`.
   */
  finish(): Inventory;
}

/**
 * One unique certificate while events arrive. `record` is already the inventory certificate
 * (no second copy at the end); the set of source keys exists only for certificates seen in
 * many places, since most are seen once or twice and a set per certificate costs memory.
 */
interface Entry {
  record: InventoryCertificate;
  sourceKeys?: Set<string>;
}

const SOURCE_SET_FROM = 8;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Items other than certificates, deduplicated by their whole content so a repeated event adds nothing. */
class DistinctList<T> {
  private readonly items = new Map<string, T>();
  constructor(private readonly sortKey: (item: T) => string) {}
  add(item: T): void {
    const key = JSON.stringify(item);
    if (!this.items.has(key)) this.items.set(key, item);
  }
  get size(): number {
    return this.items.size;
  }
  sorted(): T[] {
    return [...this.items]
      .sort(
        ([keyA, a], [keyB, b]) => compareText(this.sortKey(a), this.sortKey(b)) || compareText(keyA, keyB),
      )
      .map(([, item]) => item);
  }
}

function sourceKey(source: SourceRef): string {
  return `${source.kind}\u0000${source.location}`;
}

function addSource(entry: Entry, source: SourceRef): void {
  const sources = entry.record.sources;
  if (entry.sourceKeys === undefined) {
    if (sources.some((known) => known.kind === source.kind && known.location === source.location)) return;
    sources.push(source);
    if (sources.length >= SOURCE_SET_FROM) entry.sourceKeys = new Set(sources.map(sourceKey));
    return;
  }
  const key = sourceKey(source);
  if (entry.sourceKeys.has(key)) return;
  entry.sourceKeys.add(key);
  sources.push(source);
}

/**
 * Merges derived entries into the certificate with the same issuer and serial: a DER-based
 * entry gives the fields (the smallest fingerprint when there are several); among derived
 * entries only, the smallest fingerprint does. Sources of all merged entries are kept.
 */
function mergeDerived(entries: Map<string, Entry>): Entry[] {
  // Derived records are few next to DER ones, so only they are grouped; DER entries are looked up against them.
  const derivedByKey = new Map<string, Entry[]>();
  const der: Entry[] = [];
  for (const entry of entries.values()) {
    if (entry.record.fingerprintDerived !== true) {
      der.push(entry);
      continue;
    }
    const key = issuerSerialKey(entry.record);
    const group = derivedByKey.get(key);
    if (group) group.push(entry);
    else derivedByKey.set(key, [entry]);
  }
  if (derivedByKey.size === 0) return der;
  const byFingerprint = (a: Entry, b: Entry) => compareText(a.record.fingerprint, b.record.fingerprint);
  // Two DER certificates may share issuer and serial (a precertificate, a mis-issuance); they stay
  // apart, and the derived records join the one with the smaller fingerprint.
  const targets = new Map<string, Entry>();
  for (const entry of der) {
    const key = issuerSerialKey(entry.record);
    if (!derivedByKey.has(key)) continue;
    const current = targets.get(key);
    if (current === undefined || byFingerprint(entry, current) < 0) targets.set(key, entry);
  }
  const result = [...der];
  for (const [key, group] of derivedByKey) {
    group.sort(byFingerprint);
    let target = targets.get(key);
    if (target === undefined) {
      target = group[0];
      if (target === undefined) continue;
      result.push(target);
    }
    for (const entry of group) {
      if (entry === target) continue;
      for (const source of entry.record.sources) addSource(target, source);
    }
  }
  return result;
}

function toInventoryCertificate(record: CertificateRecord, fingerprint: string): InventoryCertificate {
  // Every field the finish sets later is present from the start, so all certificates share one object shape.
  return { ...record, fingerprint, sources: [], chainComplete: false, automated: false };
}

function parseNow(now: string): number {
  const ms = Date.parse(now);
  if (Number.isNaN(ms))
    throw new PkimmError('USAGE', `The scan time "${now}" is not an ISO 8601 instant.`, {
      issues: [{ path: 'now', message: 'expected an ISO 8601 instant' }],
    });
  return ms;
}

export function createInventoryBuilder(options: InventoryBuilderOptions): InventoryBuilder {
  const now = parseNow(options.now);
  const entries = new Map<string, Entry>();
  let occurrences = 0;
  const inputs = new DistinctList<ScanInputDigest>((input) => `${input.kind}\u0000${input.name}`);
  const endpoints = new DistinctList<TlsEndpoint>((endpoint) => endpoint.target);
  const algorithms = new DistinctList<AlgorithmAsset>((algorithm) => algorithm.name.toLowerCase());
  const keys = new DistinctList<KeyAsset>((key) => key.source.location);
  const findings = new DistinctList<Finding>((finding) => finding.location);
  const skipped = new DistinctList<SkippedItem>((item) => item.location);

  function addCertificate(record: CertificateRecord, source: SourceRef): void {
    occurrences++;
    const fingerprint = record.fingerprint.toLowerCase();
    let entry = entries.get(fingerprint);
    if (!entry) {
      entry = { record: toInventoryCertificate(record, fingerprint) };
      entries.set(fingerprint, entry);
    }
    addSource(entry, source);
  }

  return {
    add(event) {
      switch (event.type) {
        case 'certificate':
          addCertificate(event.record, event.source);
          break;
        case 'input':
          inputs.add(event.input);
          break;
        case 'endpoint':
          endpoints.add(event.endpoint);
          break;
        case 'algorithm':
          algorithms.add(event.algorithm);
          break;
        case 'key':
          keys.add(event.key);
          break;
        case 'finding':
          findings.add(event.finding);
          break;
        case 'skipped':
          skipped.add(event.item);
          break;
      }
    },
    counts() {
      return { certificates: occurrences, skipped: skipped.size };
    },
    finish() {
      const certificates = mergeDerived(entries)
        .map((entry) => entry.record)
        .sort((a, b) => compareText(a.fingerprint, b.fingerprint));
      const normalize = createDnNormalizer();
      linkChains(certificates, normalize);
      const isAutomated = automatedIssuerMatcher(options.automatedIssuers ?? []);
      for (const cert of certificates) cert.automated = isAutomated(cert);
      const endpointList = endpoints.sorted();
      const findingList = findings.sorted();
      const skippedList = skipped.sorted();
      const inputList = inputs.sorted();
      const algorithmList = algorithms.sorted();
      const keyList = keys.sorted();
      const indicatorInput: IndicatorInput = {
        now,
        normalize,
        knownIssuers: options.knownIssuers ?? [],
        occurrences,
        certificates,
        endpoints: endpointList,
        algorithms: algorithmList,
        keys: keyList,
        findings: findingList,
        inputs: inputList,
        skipped: skippedList.length,
      };
      const indicators = computeIndicators(indicatorInput);
      return {
        scannedAt: new Date(now).toISOString(),
        inputs: inputList,
        summary: computeSummary(indicatorInput, indicators),
        indicators,
        certificates,
        endpoints: endpointList,
        algorithms: algorithmList,
        keys: keyList,
        findings: findingList,
        skipped: skippedList,
      };
    },
  };
}
