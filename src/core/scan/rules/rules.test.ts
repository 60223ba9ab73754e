import { describe, expect, it } from 'vitest';
import { factsModel } from '../../../../test/support/facts-model.js';
import { indexModel } from '../../model/model-index.js';
import { createInventoryBuilder, type InventoryBuilderOptions } from '../inventory-builder.js';
import {
  certificateEvent,
  daysFromNow,
  fakeFingerprint,
  SAMPLE_NOW,
  sampleEndpoint,
  sampleRecord,
  sampleRoot,
} from '../sample-records.js';
import type { CertificateRecord, Inventory, SourceEvent, SourceRef, TlsEndpoint } from '../scan.types.js';
import { AUTOMATION_THRESHOLDS, automationDescriptionRule } from './automation-description.js';
import { CERT_DISCOVERY_THRESHOLDS, certDiscoveryRule } from './cert-discovery.js';
import { CERT_INVENTORY_THRESHOLDS, certInventoryRule } from './cert-inventory.js';
import { CERT_LIFECYCLE_THRESHOLDS, certLifecycleRule } from './cert-lifecycle.js';
import { CRYPTO_ALGORITHMS_THRESHOLDS, cryptoAlgorithmsRule } from './crypto-algorithms.js';
import { CRYPTO_PROTOCOLS_THRESHOLDS, cryptoProtocolsRule } from './crypto-protocols.js';
import { CRYPTO_VISIBILITY_THRESHOLDS, cryptoVisibilityRule } from './crypto-visibility.js';
import { EVENT_MONITORING_THRESHOLDS, eventMonitoringRule } from './event-monitoring.js';
import { SCAN_RULES, suggestRatings } from './index.js';
import { KEY_INVENTORY_THRESHOLDS, keyInventoryRule } from './key-inventory.js';
import type { ScanRule } from './rule.js';

const N = 100;
const file = (i: number): SourceRef => ({ kind: 'file', location: `certs/${i}.pem` });
const csv = (i: number): SourceRef => ({ kind: 'csv', location: `export.csv:${i + 2}` });
const cbom = (i: number): SourceRef => ({ kind: 'cbom', location: `bom.json#${i}` });

function build(events: SourceEvent[], options: Partial<InventoryBuilderOptions> = {}): Inventory {
  const builder = createInventoryBuilder({ now: SAMPLE_NOW, ...options });
  for (const event of events) builder.add(event);
  return builder.finish();
}

/** `count` leaves; `special(i)` holds for the first `marked` of them. */
function leaves(
  count: number,
  marked: number,
  special: Partial<CertificateRecord>,
  label = 'leaf',
  base: Partial<CertificateRecord> = {},
): CertificateRecord[] {
  return Array.from({ length: count }, (_, i) =>
    sampleRecord(`${label}-${i}`, { ...base, ...(i < marked ? special : {}) }),
  );
}

function levelOf(rule: ScanRule, inv: Inventory): number | undefined {
  return rule.evaluate(inv)?.level;
}

/** The count of N that sits exactly on a share threshold. */
const at = (threshold: number) => Math.round(threshold * N);

describe('the rule set', () => {
  const index = indexModel(factsModel('2.0.0'));

  it('speaks only to requirements of the 2.0.0 model, one rule per requirement, named after it', () => {
    const requirements = SCAN_RULES.map((rule) => rule.requirement);
    for (const rule of SCAN_RULES) {
      expect(index.requirementByKey.has(rule.requirement), rule.requirement).toBe(true);
      expect(rule.requirement.split('.').at(-1)).toBe(rule.id);
    }
    expect(new Set(requirements).size).toBe(requirements.length);
  });

  it('suggests nothing for an empty scan and gives 2-4 sentences with figures otherwise', () => {
    expect(suggestRatings(build([]))).toEqual([]);
    const root = sampleRoot('Example Root');
    const records = [...leaves(10, 2, { notAfter: daysFromNow(-5) }), root];
    const inv = build([
      ...records.map((record, i) => certificateEvent(record, file(i))),
      ...records.slice(0, 5).map((record, i) => certificateEvent(record, csv(i))),
      { type: 'endpoint', endpoint: sampleEndpoint('web:443', { chain: [records[0]?.fingerprint ?? ''] }) },
    ]);
    const suggestions = suggestRatings(inv);
    expect(suggestions.map((s) => s.rule)).toEqual(
      SCAN_RULES.filter((rule) => rule.evaluate(inv) !== null).map((rule) => rule.id),
    );
    expect(suggestions.length).toBeGreaterThanOrEqual(8);
    for (const s of suggestions) {
      expect(s.reasoning.length).toBeGreaterThanOrEqual(2);
      expect(s.reasoning.length).toBeLessThanOrEqual(4);
      expect(s.reasoning.join(' ')).toMatch(/\d/);
    }
    expect(suggestions.find((s) => s.rule === 'cert-inventory')?.reasoning[0]).toContain(
      '5 of 11 certificates (45%)',
    );
  });
});

describe('cert-inventory', () => {
  const t = CERT_INVENTORY_THRESHOLDS;
  /** N discovered certificates (one of them a root), `listed` of them also in the CSV export. */
  function coverage(listed: number, rootListed = true): Inventory {
    const root = sampleRoot('Example Root');
    const records = [root, ...leaves(N - 1, 0, {})];
    const inExport = rootListed ? records.slice(0, listed) : records.slice(1, listed + 1);
    return build([
      ...records.map((record, i) => certificateEvent(record, file(i))),
      ...inExport.map((record, i) => certificateEvent(record, csv(i))),
    ]);
  }

  it('says nothing without an inventory export', () => {
    expect(certInventoryRule.evaluate(build(leaves(3, 0, {}).map((r) => certificateEvent(r))))).toBeNull();
  });

  it('rises with the share of discovered certificates the export lists', () => {
    expect(levelOf(certInventoryRule, coverage(at(t.effective) - 1))).toBe(1);
    expect(levelOf(certInventoryRule, coverage(at(t.effective)))).toBe(2);
    expect(levelOf(certInventoryRule, coverage(at(t.maintained) - 1))).toBe(2);
    expect(levelOf(certInventoryRule, coverage(at(t.maintained)))).toBe(3);
    expect(levelOf(certInventoryRule, coverage(at(t.current) - 1))).toBe(3);
    expect(levelOf(certInventoryRule, coverage(at(t.current)))).toBe(4);
    expect(levelOf(certInventoryRule, coverage(at(t.complete) - 1))).toBe(4);
    expect(levelOf(certInventoryRule, coverage(at(t.complete)))).toBe(5);
  });

  it('keeps level 5 for inventories that also list the trust anchors', () => {
    expect(levelOf(certInventoryRule, coverage(at(t.complete), false))).toBe(4);
  });
});

describe('cert-discovery', () => {
  const t = CERT_DISCOVERY_THRESHOLDS;
  const kinds: SourceRef['kind'][] = ['file', 'tls', 'ct'];
  function discovery(methods: number, listed?: number, stray = false): Inventory {
    const records = leaves(N, 0, {});
    if (stray) records.push(sampleRecord('stray', { issuer: 'CN=Shadow CA', issuerCommonName: 'Shadow CA' }));
    const events = records.map((record, i) =>
      certificateEvent(record, { kind: kinds[i % methods] ?? 'file', location: `found-${i}` }),
    );
    if (listed !== undefined)
      events.push(...records.slice(0, listed).map((record, i) => certificateEvent(record, csv(i))));
    return build(events, { knownIssuers: ['Example Issuing CA'] });
  }

  it('says nothing when nothing was discovered', () => {
    expect(certDiscoveryRule.evaluate(build([certificateEvent(sampleRecord('a'), csv(0))]))).toBeNull();
  });

  it('gives one level per discovery method, from 2 to 4', () => {
    expect(levelOf(certDiscoveryRule, discovery(1))).toBe(2);
    expect(levelOf(certDiscoveryRule, discovery(2))).toBe(3);
    expect(levelOf(certDiscoveryRule, discovery(3))).toBe(4);
  });

  it('caps at 2 when discoveries do not reach the inventory, and gives 5 when they all do', () => {
    expect(levelOf(certDiscoveryRule, discovery(3, at(t.notFedBack) - 1))).toBe(2);
    expect(levelOf(certDiscoveryRule, discovery(3, at(t.notFedBack)))).toBe(4);
    expect(levelOf(certDiscoveryRule, discovery(3, at(t.fedBack) - 1))).toBe(4);
    expect(levelOf(certDiscoveryRule, discovery(3, at(t.fedBack)))).toBe(5);
    expect(levelOf(certDiscoveryRule, discovery(3, N + 1, true))).toBe(4);
  });
});

describe('cert-lifecycle', () => {
  const t = CERT_LIFECYCLE_THRESHOLDS;
  const expired = { notAfter: daysFromNow(-1) };
  const noPointer = { hasCrlDistributionPoint: false, hasOcsp: false };
  const withExpired = (count: number) => build(leaves(N, count, expired).map((r) => certificateEvent(r)));
  const withoutPointer = (count: number) =>
    build(leaves(N, count, noPointer).map((r) => certificateEvent(r)));

  it('says nothing without dated certificates', () => {
    const undated = sampleRecord('undated');
    delete undated.notAfter;
    expect(certLifecycleRule.evaluate(build([certificateEvent(undated)]))).toBeNull();
  });

  it('falls with the share of expired certificates', () => {
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredMany) + 1))).toBe(1);
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredMany)))).toBe(2);
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredSome) + 1))).toBe(2);
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredSome)))).toBe(3);
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredRare) + 1))).toBe(3);
    expect(levelOf(certLifecycleRule, withExpired(at(t.expiredRare)))).toBe(4);
  });

  it('needs revocation pointers on issued certificates, but not on trust anchors', () => {
    expect(levelOf(certLifecycleRule, withoutPointer(N - at(t.revocation) + 1))).toBe(2);
    expect(levelOf(certLifecycleRule, withoutPointer(N - at(t.revocation)))).toBe(3);
    expect(levelOf(certLifecycleRule, withoutPointer(N - at(t.revocationAll) + 1))).toBe(3);
    expect(levelOf(certLifecycleRule, withoutPointer(N - at(t.revocationAll)))).toBe(4);
    expect(levelOf(certLifecycleRule, build([certificateEvent(sampleRoot('Only Root'))]))).toBe(4);
  });
});

describe('key-inventory', () => {
  const declared = (count: number): SourceEvent[] =>
    Array.from({ length: count }, (_, i) => ({
      type: 'key',
      key: { type: 'public-key', algorithm: 'RSA', size: 2048, source: cbom(i) },
    }));
  const shared = { publicKeyFingerprint: fakeFingerprint('one-key') };

  it('says nothing about an empty scan', () => {
    expect(keyInventoryRule.evaluate(build([]))).toBeNull();
  });

  it('gives 1 for private keys lying in files and 2 without a key inventory', () => {
    const certs = leaves(4, 0, {}).map((r) => certificateEvent(r));
    const finding: SourceEvent = {
      type: 'finding',
      finding: { kind: 'private-key', location: 'a.key', message: 'key' },
    };
    expect(levelOf(keyInventoryRule, build([...certs, ...declared(4), finding]))).toBe(1);
    expect(levelOf(keyInventoryRule, build(certs))).toBe(2);
  });

  it('gives 2 when many certificates share keys, 3 when the inventory lists fewer keys than in use, else 4', () => {
    const reuse = (count: number) =>
      build([...leaves(N, count, shared).map((r) => certificateEvent(r)), ...declared(N)]);
    expect(levelOf(keyInventoryRule, reuse(at(KEY_INVENTORY_THRESHOLDS.reuse) + 1))).toBe(2);
    expect(levelOf(keyInventoryRule, reuse(at(KEY_INVENTORY_THRESHOLDS.reuse)))).toBe(4);
    const certs = leaves(10, 0, {}).map((r) => certificateEvent(r));
    expect(levelOf(keyInventoryRule, build([...certs, ...declared(9)]))).toBe(3);
    expect(levelOf(keyInventoryRule, build([...certs, ...declared(10)]))).toBe(4);
  });
});

describe('crypto-algorithms', () => {
  const weak = { keySize: 1024 };
  const withWeak = (count: number) => build(leaves(N, count, weak).map((r) => certificateEvent(r)));

  it('says nothing without certificates', () => {
    expect(cryptoAlgorithmsRule.evaluate(build([]))).toBeNull();
  });

  it('falls with the share of weak keys and broken signature hashes', () => {
    const limit = at(CRYPTO_ALGORITHMS_THRESHOLDS.weakMany);
    expect(levelOf(cryptoAlgorithmsRule, withWeak(limit + 1))).toBe(1);
    expect(levelOf(cryptoAlgorithmsRule, withWeak(limit))).toBe(2);
    expect(levelOf(cryptoAlgorithmsRule, withWeak(1))).toBe(2);
    expect(levelOf(cryptoAlgorithmsRule, withWeak(0))).toBe(3);
    const sha1 = build(leaves(N, 1, { signatureHash: 'sha1' }).map((r) => certificateEvent(r)));
    expect(levelOf(cryptoAlgorithmsRule, sha1)).toBe(2);
  });

  it('ignores the self-signature of a trust anchor and gives 4 once post-quantum keys are in use', () => {
    const root = sampleRoot('Old Root', {
      signatureHash: 'sha1',
      signatureAlgorithm: 'sha1WithRSAEncryption',
    });
    expect(
      levelOf(cryptoAlgorithmsRule, build([certificateEvent(root), certificateEvent(sampleRecord('a'))])),
    ).toBe(3);
    const pq = sampleRecord('pq', {
      keyAlgorithm: 'ml-dsa',
      signatureAlgorithm: 'ML-DSA-65',
      signatureHash: 'none',
    });
    expect(
      levelOf(cryptoAlgorithmsRule, build([certificateEvent(pq), certificateEvent(sampleRecord('a'))])),
    ).toBe(4);
  });
});

describe('crypto-visibility', () => {
  const t = CRYPTO_VISIBILITY_THRESHOLDS;
  const algorithms = (count: number, classified: number): SourceEvent[] =>
    Array.from({ length: count }, (_, i) => ({
      type: 'algorithm',
      algorithm: {
        name: `alg-${i}`,
        ...(i < classified ? { nistQuantumSecurityLevel: 1 } : {}),
        source: cbom(i),
      },
    }));
  function visibility(classified: number, listed: number): Inventory {
    const records = leaves(N, 0, {});
    return build([
      ...records.map((record, i) => certificateEvent(record, file(i))),
      ...records.slice(0, listed).map((record, i) => certificateEvent(record, cbom(i))),
      ...algorithms(10, classified),
    ]);
  }

  it('says nothing about an empty scan and gives 2 without a CBOM', () => {
    expect(cryptoVisibilityRule.evaluate(build([]))).toBeNull();
    expect(levelOf(cryptoVisibilityRule, build([certificateEvent(sampleRecord('a'))]))).toBe(2);
  });

  it('gives 3 for a CBOM and 4 when it classifies algorithms and lists what was discovered', () => {
    const classified = Math.round(t.classified * 10);
    expect(levelOf(cryptoVisibilityRule, build(algorithms(10, 10)))).toBe(3);
    expect(levelOf(cryptoVisibilityRule, visibility(classified, at(t.cbomCoverage)))).toBe(4);
    expect(levelOf(cryptoVisibilityRule, visibility(classified, at(t.cbomCoverage) - 1))).toBe(3);
    expect(levelOf(cryptoVisibilityRule, visibility(classified - 1, N))).toBe(3);
  });
});

describe('crypto-protocols', () => {
  const t = CRYPTO_PROTOCOLS_THRESHOLDS;
  function endpoints(weak: number, tls13: number, weakCipher = false): Inventory {
    return build(
      Array.from({ length: N }, (_, i): SourceEvent => {
        const overrides: Partial<TlsEndpoint> =
          i < weak
            ? weakCipher
              ? { protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-DES-CBC3-SHA' }
              : { protocol: 'TLSv1.1' }
            : i < weak + tls13
              ? {}
              : { protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' };
        return { type: 'endpoint', endpoint: sampleEndpoint(`h${i}:443`, overrides) };
      }),
    );
  }

  it('says nothing without TLS endpoints', () => {
    expect(cryptoProtocolsRule.evaluate(build([certificateEvent(sampleRecord('a'))]))).toBeNull();
  });

  it('falls with legacy protocols or broken ciphers and rises with TLS 1.3', () => {
    const many = at(t.legacyMany);
    expect(levelOf(cryptoProtocolsRule, endpoints(many + 1, 0))).toBe(1);
    expect(levelOf(cryptoProtocolsRule, endpoints(many, 0))).toBe(2);
    expect(levelOf(cryptoProtocolsRule, endpoints(1, N - 1, true))).toBe(2);
    expect(levelOf(cryptoProtocolsRule, endpoints(0, at(t.tls13) - 1))).toBe(3);
    expect(levelOf(cryptoProtocolsRule, endpoints(0, at(t.tls13)))).toBe(4);
    expect(levelOf(cryptoProtocolsRule, endpoints(0, N - 1))).toBe(4);
    expect(levelOf(cryptoProtocolsRule, endpoints(0, N))).toBe(5);
  });
});

describe('automation-description', () => {
  const t = AUTOMATION_THRESHOLDS;
  const acme = { issuer: "CN=R11,O=Let's Encrypt,C=US", issuerCommonName: 'R11' };
  const automated = (count: number, special: Partial<CertificateRecord> = acme) =>
    build(leaves(N, count, special).map((r) => certificateEvent(r)));

  it('says nothing without end-entity certificates', () => {
    expect(automationDescriptionRule.evaluate(build([certificateEvent(sampleRoot('Root'))]))).toBeNull();
  });

  it('rises with the share of automatically issued end-entity certificates', () => {
    expect(levelOf(automationDescriptionRule, automated(at(t.some) - 1))).toBe(1);
    expect(levelOf(automationDescriptionRule, automated(at(t.some)))).toBe(2);
    expect(levelOf(automationDescriptionRule, automated(at(t.most) - 1))).toBe(2);
    expect(levelOf(automationDescriptionRule, automated(at(t.most)))).toBe(3);
    expect(levelOf(automationDescriptionRule, automated(at(t.nearlyAll) - 1))).toBe(3);
    expect(levelOf(automationDescriptionRule, automated(at(t.nearlyAll)))).toBe(4);
  });

  it('counts short-lived certificates as automated and holds at 3 when automated ones expired', () => {
    const short = { notBefore: daysFromNow(-1), notAfter: daysFromNow(6) };
    expect(levelOf(automationDescriptionRule, automated(at(t.nearlyAll), short))).toBe(4);
    const records = leaves(N, N, acme);
    records[0] = { ...(records[0] as CertificateRecord), notAfter: daysFromNow(-2) };
    expect(levelOf(automationDescriptionRule, build(records.map((r) => certificateEvent(r))))).toBe(3);
  });
});

describe('event-monitoring', () => {
  const t = EVENT_MONITORING_THRESHOLDS;
  function served(records: CertificateRecord[]): Inventory {
    return build([
      ...records.map((record, i) => certificateEvent(record, { kind: 'tls', location: `h${i}:443` })),
      ...records.map((record, i): SourceEvent => ({
        type: 'endpoint',
        endpoint: sampleEndpoint(`h${i}:443`, { chain: [record.fingerprint] }),
      })),
    ]);
  }
  const expiredServed = (count: number) => served(leaves(N, count, { notAfter: daysFromNow(-1) }));

  it('says nothing without TLS endpoints', () => {
    expect(eventMonitoringRule.evaluate(build([certificateEvent(sampleRecord('a'))]))).toBeNull();
  });

  it('falls with the share of endpoints serving expired certificates', () => {
    const many = at(t.expiredMany);
    expect(levelOf(eventMonitoringRule, expiredServed(many + 1))).toBe(1);
    expect(levelOf(eventMonitoringRule, expiredServed(many))).toBe(2);
    expect(levelOf(eventMonitoringRule, expiredServed(1))).toBe(2);
    expect(levelOf(eventMonitoringRule, expiredServed(0))).toBe(4);
  });

  it('gives 3 when a long-lived certificate is days from expiry, but not for short-lived ones', () => {
    const soon = daysFromNow(t.nearExpiryDays);
    const longLived = leaves(N, 1, {
      notBefore: daysFromNow(t.nearExpiryDays - t.longLivedDays - 1),
      notAfter: soon,
    });
    expect(levelOf(eventMonitoringRule, served(longLived))).toBe(3);
    const shortLived = leaves(N, 1, {
      notBefore: daysFromNow(t.nearExpiryDays - t.longLivedDays),
      notAfter: soon,
    });
    expect(levelOf(eventMonitoringRule, served(shortLived))).toBe(4);
  });
});
