import { describe, expect, it } from 'vitest';
import { PkimmError } from '../errors.js';
import { createInventoryBuilder, type InventoryBuilderOptions } from './inventory-builder.js';
import {
  certificateEvent,
  daysFromNow,
  fakeFingerprint,
  fileSource,
  SAMPLE_NOW,
  sampleRecord,
  sampleRoot,
} from './sample-records.js';
import type { CertificateRecord, Inventory, SourceEvent, SourceRef } from './scan.types.js';

function build(events: SourceEvent[], options: Partial<InventoryBuilderOptions> = {}): Inventory {
  const builder = createInventoryBuilder({ now: SAMPLE_NOW, ...options });
  for (const event of events) builder.add(event);
  return builder.finish();
}

const csv = (row: number): SourceRef => ({ kind: 'csv', location: `export.csv:${row}` });

/** What a CSV export knows of a certificate: issuer, serial and dates, under a derived fingerprint. */
function derivedOf(record: CertificateRecord, overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return sampleRecord(`derived-${record.fingerprint}`, {
    fingerprint: fakeFingerprint(`${record.issuer}|${record.serialNumber}`),
    fingerprintDerived: true,
    subject: record.subject,
    issuer: record.issuer,
    serialNumber: record.serialNumber,
    keyAlgorithm: 'unknown',
    signatureAlgorithm: 'unknown',
    signatureHash: 'unknown',
    dnsNames: [],
    sanCount: 0,
    ...overrides,
  });
}

describe('deduplication', () => {
  it('keeps one record per fingerprint and every place it was seen', () => {
    const record = sampleRecord('web');
    const inv = build([
      certificateEvent(record, fileSource('a.pem')),
      certificateEvent(record, fileSource('b.pem')),
      certificateEvent(record, fileSource('a.pem')),
    ]);
    expect(inv.summary.certificates).toBe(3);
    expect(inv.summary.unique).toBe(1);
    expect(inv.certificates[0]?.sources.map((source) => source.location)).toEqual(['a.pem', 'b.pem']);
  });

  it('counts occurrences and skipped items while events arrive', () => {
    const builder = createInventoryBuilder({ now: SAMPLE_NOW });
    builder.add(certificateEvent(sampleRecord('a')));
    builder.add(certificateEvent(sampleRecord('a')));
    builder.add({ type: 'skipped', item: { location: 'broken.der', reason: 'truncated' } });
    expect(builder.counts()).toEqual({ certificates: 2, skipped: 1 });
  });

  it('rejects a scan time that is not an instant', () => {
    expect(() => createInventoryBuilder({ now: 'yesterday' })).toThrow(PkimmError);
  });
});

describe('merging derived records', () => {
  const der = sampleRecord('shop', { serialNumber: '0a1b' });

  it('merges a derived record into the DER record with the same issuer CN and serial, in either order', () => {
    const derived = derivedOf(der, {
      issuer: ' cn=EXAMPLE issuing ca , o=Example ',
      issuerCommonName: ' EXAMPLE ISSUING CA ',
      serialNumber: '00:0A:1B',
    });
    for (const events of [
      [certificateEvent(derived, csv(2)), certificateEvent(der, fileSource('shop.pem'))],
      [certificateEvent(der, fileSource('shop.pem')), certificateEvent(derived, csv(2))],
    ]) {
      const inv = build(events);
      expect(inv.summary.unique).toBe(1);
      const cert = inv.certificates[0];
      // The DER record gives the fields, the export adds its source.
      expect(cert?.fingerprint).toBe(der.fingerprint);
      expect(cert?.keyAlgorithm).toBe('rsa');
      expect(cert?.sources.map((source) => source.kind).sort()).toEqual(['csv', 'file']);
    }
  });

  it('falls back to the whole issuer DN when neither record has an issuer CN', () => {
    const noCn = sampleRecord('device', { issuer: 'O=Factory,C=DE', serialNumber: '99' });
    delete noCn.issuerCommonName;
    const derived = derivedOf(noCn, { issuer: 'o=factory, c=de' });
    delete derived.issuerCommonName;
    const other = derivedOf(noCn, { issuer: 'O=Other Factory,C=DE', fingerprint: fakeFingerprint('other') });
    delete other.issuerCommonName;
    const inv = build([
      certificateEvent(noCn),
      certificateEvent(derived, csv(1)),
      certificateEvent(other, csv(2)),
    ]);
    expect(inv.summary.unique).toBe(2);
    expect(inv.certificates.find((cert) => cert.fingerprint === noCn.fingerprint)?.sources).toHaveLength(2);
  });

  it('merges derived records with each other and keeps two DER certificates with one serial apart', () => {
    const fromCsv = derivedOf(der);
    const fromCbom = derivedOf(der, {
      issuer: 'CN=Example Issuing CA',
      fingerprint: fakeFingerprint('cbom-row'),
    });
    const onlyDerived = build([
      certificateEvent(fromCsv, csv(1)),
      certificateEvent(fromCbom, { kind: 'cbom', location: 'bom.json' }),
    ]);
    expect(onlyDerived.summary.unique).toBe(1);
    const smaller = [fromCsv.fingerprint, fromCbom.fingerprint].sort()[0];
    expect(onlyDerived.certificates[0]?.fingerprint).toBe(smaller);
    expect(onlyDerived.certificates[0]?.sources).toHaveLength(2);

    const twin = sampleRecord('shop-precert', { serialNumber: der.serialNumber });
    const twins = build([certificateEvent(der), certificateEvent(twin)]);
    expect(twins.summary.unique).toBe(2);
    const withExport = build([
      certificateEvent(twin),
      certificateEvent(fromCsv, csv(1)),
      certificateEvent(der),
    ]);
    expect(withExport.summary.unique).toBe(2);
    const joined = [der.fingerprint, twin.fingerprint].sort()[0];
    const kinds = (fp: string | undefined) =>
      withExport.certificates.find((cert) => cert.fingerprint === fp)?.sources.map((source) => source.kind);
    expect(kinds(joined)).toContain('csv');
  });
});

describe('chains', () => {
  const root = sampleRoot('Example Root');
  const intermediate = sampleRecord('intermediate', {
    subject: 'CN=Example Issuing CA,O=Example',
    subjectCommonName: 'Example Issuing CA',
    issuer: root.subject,
    issuerCommonName: 'Example Root',
    isCa: true,
    subjectKeyId: 'aa11',
    authorityKeyId: root.subjectKeyId ?? '',
  });
  const leaf = sampleRecord('leaf', { authorityKeyId: 'aa11' });

  it('links each certificate to its issuer and marks complete paths', () => {
    const inv = build([certificateEvent(leaf), certificateEvent(intermediate), certificateEvent(root)]);
    const byFp = new Map(inv.certificates.map((cert) => [cert.fingerprint, cert]));
    expect(byFp.get(leaf.fingerprint)?.issuerFingerprint).toBe(intermediate.fingerprint);
    expect(byFp.get(intermediate.fingerprint)?.issuerFingerprint).toBe(root.fingerprint);
    expect(byFp.get(root.fingerprint)?.issuerFingerprint).toBeUndefined();
    expect([...byFp.values()].every((cert) => cert.chainComplete)).toBe(true);
    expect(inv.indicators.chainsComplete).toBe(1);
    expect(inv.indicators.chainsIncomplete).toBe(0);
    expect(inv.indicators.caCertificates).toBe(2);
  });

  it('reports a broken chain when the root is missing', () => {
    const inv = build([certificateEvent(leaf), certificateEvent(intermediate)]);
    expect(inv.certificates.every((cert) => !cert.chainComplete)).toBe(true);
    expect(inv.indicators.chainsIncomplete).toBe(1);
  });

  it('does not link through a CA whose key id differs from the authority key id', () => {
    const renewed = { ...intermediate, fingerprint: fakeFingerprint('renewed'), subjectKeyId: 'bb22' };
    const inv = build([certificateEvent(leaf), certificateEvent(renewed), certificateEvent(root)]);
    expect(
      inv.certificates.find((cert) => cert.fingerprint === leaf.fingerprint)?.issuerFingerprint,
    ).toBeUndefined();
  });

  it('stops on a loop of CAs that certify each other', () => {
    const a = sampleRecord('ca-a', { subject: 'CN=A', issuer: 'CN=B', isCa: true });
    const b = sampleRecord('ca-b', { subject: 'CN=B', issuer: 'CN=A', isCa: true });
    const under = sampleRecord('under-a', { issuer: 'CN=A' });
    const inv = build([certificateEvent(a), certificateEvent(b), certificateEvent(under)]);
    expect(inv.certificates.every((cert) => cert.issuerFingerprint !== undefined)).toBe(true);
    expect(inv.certificates.every((cert) => !cert.chainComplete)).toBe(true);
  });
});

describe('indicators', () => {
  it('counts expiry windows consistently with the summary', () => {
    const days = [-10, -1, 5, 29, 45, 75, 120];
    const inv = build(
      days.map((d, i) => certificateEvent(sampleRecord(`c${i}`, { notAfter: daysFromNow(d) }))),
    );
    const count = (test: (d: number) => boolean) => days.filter(test).length;
    expect(inv.indicators.expired).toBe(count((d) => d < 0));
    expect(inv.summary.expired).toBe(inv.indicators.expired);
    expect(inv.indicators.expiringWithin30Days).toBe(count((d) => d >= 0 && d <= 30));
    expect(inv.summary.expiringWithin30Days).toBe(inv.indicators.expiringWithin30Days);
    expect(inv.indicators.expiringWithin60Days).toBe(count((d) => d >= 0 && d <= 60));
    expect(inv.indicators.expiringWithin90Days).toBe(count((d) => d >= 0 && d <= 90));
    const months = inv.indicators.expiryByMonth.map((entry) => entry.key);
    expect(months).toEqual([...months].sort());
    expect(inv.indicators.expiryByMonth.reduce((sum, entry) => sum + entry.count, 0)).toBe(days.length);
  });

  it('classifies keys, signatures and weak material', () => {
    // A curve without a size is judged by the curve's field size.
    const p192 = sampleRecord('p192', { keyAlgorithm: 'ec', curve: 'P-192' });
    delete p192.keySize;
    const records = [
      sampleRecord('rsa1024', { keySize: 1024 }),
      sampleRecord('dsa1024', { keyAlgorithm: 'dsa', keySize: 1024 }),
      p192,
      sampleRecord('p256', { keyAlgorithm: 'ec', keySize: 256, curve: 'P-256' }),
      sampleRecord('ed', { keyAlgorithm: 'ed25519', keySize: 255 }),
      sampleRecord('sha1', { signatureHash: 'sha1', signatureAlgorithm: 'sha1WithRSAEncryption' }),
      sampleRecord('md5', { signatureHash: 'md5', signatureAlgorithm: 'md5WithRSAEncryption' }),
      sampleRecord('pq', { keyAlgorithm: 'ml-dsa', signatureAlgorithm: 'ML-DSA-65', signatureHash: 'none' }),
    ];
    const inv = build(records.map((record) => certificateEvent(record)));
    expect(inv.summary.weakKeys).toBe(3);
    expect(inv.indicators.weakKeys).toBe(3);
    expect(inv.summary.sha1Signatures).toBe(1);
    expect(inv.indicators.md5Signatures).toBe(1);
    const keyTypes = Object.fromEntries(inv.indicators.keyTypes.map((entry) => [entry.key, entry.count]));
    expect(keyTypes).toMatchObject({
      'rsa-2048': 2,
      'rsa-1024': 1,
      'dsa-1024': 1,
      'ec-P-192': 1,
      'ec-P-256': 1,
      ed25519: 1,
      'ml-dsa': 1,
    });
    expect(inv.indicators.keyTypes[0]?.key).toBe('rsa-2048');
    expect(inv.indicators.quantumVulnerableShare).toBe(7 / 8);
    const signatureTotal = inv.indicators.signatureAlgorithms.reduce((sum, entry) => sum + entry.count, 0);
    expect(signatureTotal).toBe(records.length);
  });

  it('buckets validity, finds short-lived, wildcard, SAN, key reuse and revocation pointers', () => {
    const sharedKey = fakeFingerprint('shared-key');
    const records = [
      sampleRecord('short', { notBefore: daysFromNow(-1), notAfter: daysFromNow(6) }),
      sampleRecord('acme', {
        notBefore: daysFromNow(-10),
        notAfter: daysFromNow(80),
        publicKeyFingerprint: sharedKey,
      }),
      sampleRecord('year', {
        notBefore: daysFromNow(-100),
        notAfter: daysFromNow(297),
        publicKeyFingerprint: sharedKey,
      }),
      sampleRecord('long', {
        notBefore: daysFromNow(-100),
        notAfter: daysFromNow(900),
        dnsNames: ['*.example.org'],
      }),
      sampleRecord('bare', { dnsNames: [], sanCount: 0, hasCrlDistributionPoint: false, hasOcsp: false }),
      sampleRoot('Root'),
    ];
    const inv = build(records.map((record) => certificateEvent(record)));
    const buckets = Object.fromEntries(inv.indicators.validityDays.map((entry) => [entry.key, entry.count]));
    expect(buckets).toEqual({ '<=7': 1, '<=100': 1, '<=398': 2, '>825': 2 });
    expect(inv.indicators.validityDays.map((entry) => entry.key)).toEqual(['<=7', '<=100', '<=398', '>825']);
    const lengths = records
      .map((record) => (Date.parse(record.notAfter ?? '') - Date.parse(record.notBefore ?? '')) / 86_400_000)
      .sort((a, b) => a - b);
    expect(inv.indicators.medianValidityDays).toBe(((lengths[2] ?? 0) + (lengths[3] ?? 0)) / 2);
    expect(inv.indicators.shortLivedShare).toBe(1 / records.length);
    expect(inv.indicators.wildcardCertificates).toBe(1);
    expect(inv.indicators.withSan).toBe(4);
    expect(inv.indicators.withoutSan).toBe(2);
    expect(inv.indicators.reusedKeys).toEqual([{ key: sharedKey, count: 2 }]);
    // The root is self-issued and left out of the revocation counts.
    expect(inv.indicators.withCrlDistributionPoint).toBe(4);
    expect(inv.indicators.withOcsp).toBe(4);
  });

  it('recognises ACME issuers and declared automated issuers', () => {
    const le = sampleRecord('le', { issuer: "CN=R11,O=Let's Encrypt,C=US", issuerCommonName: 'R11' });
    const internal = sampleRecord('internal', {
      issuer: 'CN=Robot CA,O=Example',
      issuerCommonName: 'Robot CA',
    });
    const manual = sampleRecord('manual');
    const events = [le, internal, manual].map((record) => certificateEvent(record));
    expect(build(events).indicators.automatedShare).toBe(1 / 3);
    const inv = build(events, { automatedIssuers: ['robot ca'] });
    expect(inv.indicators.automatedShare).toBe(2 / 3);
    expect(
      inv.certificates
        .filter((cert) => cert.automated)
        .map((cert) => cert.fingerprint)
        .sort(),
    ).toEqual([le.fingerprint, internal.fingerprint].sort());
  });

  it('judges issuers against the declared scope, or against the inventory when none is declared', () => {
    const root = sampleRoot('Corp Root');
    const underRoot = sampleRecord('corp', { issuer: root.subject, issuerCommonName: 'Corp Root' });
    const stray = sampleRecord('stray', { issuer: 'CN=Shadow CA,O=Lab', issuerCommonName: 'Shadow CA' });
    const other = sampleRecord('other', {
      issuer: 'CN=Partner CA,O=Partner',
      issuerCommonName: 'Partner CA',
    });
    const events = [root, underRoot, stray, other].map((record) => certificateEvent(record));

    const unscoped = build(events);
    const known = (inv: Inventory) =>
      Object.fromEntries(inv.indicators.issuers.map((issuer) => [issuer.name, issuer.knownToScope]));
    expect(known(unscoped)).toEqual({
      'CN=Corp Root': true,
      'CN=Shadow CA,O=Lab': false,
      'CN=Partner CA,O=Partner': false,
    });
    expect(unscoped.indicators.unknownIssuers).toBe(2);
    expect(unscoped.summary.issuers).toBe(3);
    expect(unscoped.indicators.issuers[0]).toEqual({ name: 'CN=Corp Root', count: 2, knownToScope: true });

    // By DN fragment, by CN, and by the issuing certificate's fingerprint.
    const scoped = build(events, { knownIssuers: ['o=partner', 'SHADOW CA'] });
    expect(scoped.indicators.unknownIssuers).toBe(1);
    const byFingerprint = build(events, { knownIssuers: [root.fingerprint.toUpperCase()] });
    expect(known(byFingerprint)['CN=Corp Root']).toBe(true);
    expect(byFingerprint.indicators.unknownIssuers).toBe(2);
  });

  it('reads TLS endpoints, findings, CBOM algorithms and source kinds', () => {
    const expiredLeaf = sampleRecord('old', { notAfter: daysFromNow(-3) });
    const goodLeaf = sampleRecord('good');
    const tls = (target: string): SourceRef => ({ kind: 'tls', location: target });
    const inv = build([
      certificateEvent(expiredLeaf, tls('a:443')),
      certificateEvent(goodLeaf, tls('b:443')),
      {
        type: 'endpoint',
        endpoint: {
          target: 'a:443',
          protocol: 'TLSv1.1',
          chain: [expiredLeaf.fingerprint],
          authorized: false,
        },
      },
      {
        type: 'endpoint',
        endpoint: { target: 'b:443', protocol: 'TLSv1.3', chain: [goodLeaf.fingerprint], authorized: true },
      },
      { type: 'endpoint', endpoint: { target: 'c:443', protocol: 'TLSv1.3', chain: [], authorized: true } },
      { type: 'finding', finding: { kind: 'private-key', location: 'keys/web.key', message: 'private key' } },
      {
        type: 'algorithm',
        algorithm: {
          name: 'RSA-2048',
          nistQuantumSecurityLevel: 0,
          source: { kind: 'cbom', location: 'bom.json' },
        },
      },
      {
        type: 'algorithm',
        algorithm: {
          name: 'ML-KEM-768',
          nistQuantumSecurityLevel: 3,
          source: { kind: 'cbom', location: 'bom.json' },
        },
      },
    ]);
    expect(inv.indicators.tlsProtocols).toEqual([
      { key: 'TLSv1.3', count: 2 },
      { key: 'TLSv1.1', count: 1 },
    ]);
    expect(inv.indicators.legacyTlsEndpoints).toBe(1);
    expect(inv.indicators.untrustedEndpoints).toBe(1);
    expect(inv.indicators.endpointsServingExpired).toBe(1);
    expect(inv.indicators.privateKeysFound).toBe(1);
    expect(inv.indicators.declaredAlgorithms).toBe(2);
    expect(inv.indicators.declaredQuantumVulnerable).toBe(1);
    expect(inv.indicators.sourceKinds).toEqual(['tls', 'cbom']);
    expect(inv.endpoints.map((endpoint) => endpoint.target)).toEqual(['a:443', 'b:443', 'c:443']);
  });

  it('measures inventory coverage only when an export was scanned', () => {
    const records = ['a', 'b', 'c', 'd'].map((label) => sampleRecord(label));
    const discoveredOnly = build(records.map((record) => certificateEvent(record)));
    expect(discoveredOnly.indicators.inventoryCoverage).toBeUndefined();
    const inv = build([
      ...records.map((record) => certificateEvent(record)),
      certificateEvent(derivedOf(records[0] as CertificateRecord), csv(1)),
      certificateEvent(records[1] as CertificateRecord, csv(2)),
      certificateEvent(sampleRecord('only-in-export'), csv(3)),
    ]);
    expect(inv.indicators.inventoryCoverage).toBe(2 / 4);
    const emptyExport = build([
      ...records.map((record) => certificateEvent(record)),
      { type: 'input', input: { kind: 'csv', name: 'empty.csv', sha256: fakeFingerprint('empty'), size: 0 } },
    ]);
    expect(emptyExport.indicators.inventoryCoverage).toBe(0);
  });

  it('gives zero shares and no median for an empty scan', () => {
    const inv = build([]);
    expect(inv.summary).toEqual({
      certificates: 0,
      unique: 0,
      expired: 0,
      expiringWithin30Days: 0,
      weakKeys: 0,
      sha1Signatures: 0,
      issuers: 0,
      skipped: 0,
    });
    expect(inv.indicators.quantumVulnerableShare).toBe(0);
    expect(inv.indicators.medianValidityDays).toBeUndefined();
    expect(inv.scannedAt).toBe(SAMPLE_NOW);
  });
});
