import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInventoryBuilder } from './inventory-builder.js';
import { daysFromNow, fakeFingerprint, SAMPLE_NOW, sampleRecord } from './sample-records.js';
import type { CertificateRecord, Inventory, KeyAlgorithm, SourceEvent, SourceRef } from './scan.types.js';

const ISSUERS = ['CN=Example Issuing CA,O=Example', "CN=R11,O=Let's Encrypt,C=US", 'CN=Lab CA', 'CN=Root A'];
const KEYS: KeyAlgorithm[] = ['rsa', 'ec', 'ed25519', 'dsa', 'ml-dsa', 'unknown'];

/** One certificate as the generator imagines it; every event for it carries the same record. */
const recordSpec = fc.record({
  issuer: fc.integer({ min: 0, max: ISSUERS.length - 1 }),
  serial: fc.integer({ min: 1, max: 6 }),
  derived: fc.boolean(),
  notAfterDays: fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
  validity: fc.integer({ min: 1, max: 900 }),
  key: fc.integer({ min: 0, max: KEYS.length - 1 }),
  keySize: fc.constantFrom(1024, 2048, 256, 384),
  sha1: fc.boolean(),
  isCa: fc.boolean(),
  sharedKey: fc.integer({ min: 0, max: 3 }),
});

type Spec = typeof recordSpec extends fc.Arbitrary<infer T> ? T : never;

function toRecord(spec: Spec, index: number): CertificateRecord {
  const issuer = ISSUERS[spec.issuer] ?? 'CN=Lab CA';
  const record = sampleRecord(`p${index}`, {
    issuer,
    serialNumber: spec.serial.toString(16),
    keyAlgorithm: KEYS[spec.key] ?? 'rsa',
    keySize: spec.keySize,
    signatureHash: spec.sha1 ? 'sha1' : 'sha256',
    isCa: spec.isCa,
    subject: spec.isCa ? (ISSUERS[(spec.issuer + 1) % ISSUERS.length] ?? 'CN=Lab CA') : `CN=p${index}`,
    publicKeyFingerprint: fakeFingerprint(`key-${spec.sharedKey}`),
    ...(spec.derived ? { fingerprintDerived: true, fingerprint: fakeFingerprint(`derived-${index}`) } : {}),
  });
  delete record.issuerCommonName;
  if (spec.notAfterDays === undefined) {
    delete record.notAfter;
    delete record.notBefore;
  } else {
    record.notAfter = daysFromNow(spec.notAfterDays);
    record.notBefore = daysFromNow(spec.notAfterDays - spec.validity);
  }
  return record;
}

const KINDS: SourceRef['kind'][] = ['file', 'tls', 'csv', 'ct', 'cbom'];

const scan = fc.array(recordSpec, { minLength: 1, maxLength: 12 }).chain((specs) => {
  const records = specs.map(toRecord);
  const event = fc
    .record({
      which: fc.integer({ min: 0, max: records.length - 1 }),
      kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
      place: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ which, kind, place }): SourceEvent => ({
      type: 'certificate',
      record: records[which] as CertificateRecord,
      source: { kind: KINDS[kind] ?? 'file', location: `place-${place}` },
    }));
  const extra = fc.constantFrom<SourceEvent>(
    { type: 'skipped', item: { location: 'broken.der', reason: 'truncated' } },
    { type: 'endpoint', endpoint: { target: 'h:443', protocol: 'TLSv1.2', chain: [], authorized: true } },
    { type: 'finding', finding: { kind: 'private-key', location: 'k.pem', message: 'key' } },
  );
  return fc.array(fc.oneof({ weight: 4, arbitrary: event }, { weight: 1, arbitrary: extra }), {
    minLength: 1,
    maxLength: 40,
  });
});

function finish(events: SourceEvent[]): Inventory {
  const builder = createInventoryBuilder({ now: SAMPLE_NOW });
  for (const event of events) builder.add(event);
  return builder.finish();
}

/** The inventory with every certificate's sources in a fixed order. */
function withSortedSources(inv: Inventory): Inventory {
  return {
    ...inv,
    certificates: inv.certificates.map((cert) => ({
      ...cert,
      sources: [...cert.sources].sort((a, b) =>
        `${a.kind}:${a.location}` < `${b.kind}:${b.location}` ? -1 : 1,
      ),
    })),
  };
}

describe('inventory properties', () => {
  it('never counts more unique certificates than occurrences', () => {
    fc.assert(
      fc.property(scan, (events) => {
        const { summary } = finish(events);
        expect(summary.unique).toBeLessThanOrEqual(summary.certificates);
      }),
    );
  });

  it('adding every event twice changes only the occurrence count', () => {
    fc.assert(
      fc.property(scan, (events) => {
        const once = finish(events);
        const twice = finish([...events, ...events]);
        expect(twice.summary.certificates).toBe(2 * once.summary.certificates);
        const { certificates: _a, ...restOnce } = once.summary;
        const { certificates: _b, ...restTwice } = twice.summary;
        expect(restTwice).toEqual(restOnce);
        expect(withSortedSources(twice).certificates).toEqual(withSortedSources(once).certificates);
        expect(twice.indicators).toEqual(once.indicators);
      }),
    );
  });

  it('does not depend on the order of events, apart from the order of sources', () => {
    fc.assert(
      fc.property(
        scan.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([events, shuffled]) => {
          expect(withSortedSources(finish(shuffled))).toEqual(withSortedSources(finish(events)));
        },
      ),
    );
  });

  it('splits dated certificates into expired and not expired, with nested expiry windows', () => {
    fc.assert(
      fc.property(scan, (events) => {
        const inv = finish(events);
        const now = Date.parse(inv.scannedAt);
        const dated = inv.certificates.filter((cert) => cert.notAfter !== undefined);
        const notExpired = dated.filter((cert) => Date.parse(cert.notAfter ?? '') >= now).length;
        expect(inv.summary.expired + notExpired).toBe(dated.length);
        const {
          expiringWithin30Days: d30,
          expiringWithin60Days: d60,
          expiringWithin90Days: d90,
        } = inv.indicators;
        expect(d30).toBeLessThanOrEqual(d60);
        expect(d60).toBeLessThanOrEqual(d90);
        expect(d90).toBeLessThanOrEqual(notExpired);
        expect(inv.summary.expiringWithin30Days).toBe(d30);
      }),
    );
  });
});
