import { createHash, X509Certificate as NodeCertificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { x509 } from '../../attest/x509.js';
import {
  asn1,
  buildCertificateDer,
  makePki,
  sampleSpki,
  type Pki,
} from '../../../test/support/pki-fixtures.js';
import { CertificateParseError, parseCertificateDer } from './parse-certificate.js';

let pki: Pki;
beforeAll(async () => {
  pki = await makePki();
}, 60_000); // key generation is slow on a busy machine

const NODE_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const CN = '2.5.4.3';

function parseError(der: Uint8Array): CertificateParseError {
  try {
    parseCertificateDer(der);
  } catch (error) {
    if (error instanceof CertificateParseError) return error;
    throw error;
  }
  throw new Error('expected a CertificateParseError');
}

describe('parseCertificateDer on the generated PKI, against node:crypto and @peculiar/x509', () => {
  it('agrees on fingerprint, serial, dates, names, key and extensions for every fixture', () => {
    for (const fixture of pki.all) {
      const record = parseCertificateDer(fixture.der);
      const node = new NodeCertificate(fixture.der);
      const peculiar = new x509.X509Certificate(new Uint8Array(fixture.der));

      expect(record.fingerprint, fixture.name).toBe(node.fingerprint256.replace(/:/g, '').toLowerCase());
      expect(record.serialNumber, fixture.name).toBe(node.serialNumber.toLowerCase());
      expect(record.serialNumber, fixture.name).toBe(fixture.expected.serialNumber);
      expect(record.notBefore, fixture.name).toBe(new Date(node.validFrom).toISOString());
      expect(record.notAfter, fixture.name).toBe(new Date(node.validTo).toISOString());
      expect(record.notAfter, fixture.name).toBe(peculiar.notAfter.toISOString());
      expect(record.subjectCommonName, fixture.name).toBe(peculiar.subjectName.getField('CN')[0]);
      expect(record.issuerCommonName, fixture.name).toBe(peculiar.issuerName.getField('CN')[0]);
      // @peculiar/x509 prints names in DER order with ", "; RFC 4514 puts the last RDN first.
      expect(record.subject, fixture.name).toBe(peculiar.subject.split(', ').reverse().join(','));
      expect(record.issuer, fixture.name).toBe(peculiar.issuer.split(', ').reverse().join(','));

      const details = node.publicKey.asymmetricKeyDetails ?? {};
      if (details.modulusLength !== undefined)
        expect(record.keySize, fixture.name).toBe(details.modulusLength);
      if (details.namedCurve !== undefined)
        expect(record.curve, fixture.name).toBe(NODE_CURVES[details.namedCurve]);
      expect(record.keyAlgorithm, fixture.name).toBe(fixture.expected.keyAlgorithm);
      expect(record.keySize, fixture.name).toBe(fixture.expected.keySize);
      expect(record.curve, fixture.name).toBe(fixture.expected.curve);
      const spki = node.publicKey.export({ type: 'spki', format: 'der' });
      expect(record.publicKeyFingerprint, fixture.name).toBe(createHash('sha256').update(spki).digest('hex'));

      expect(record.signatureHash, fixture.name).toBe(fixture.expected.signatureHash);
      expect(record.signatureAlgorithmOid, fixture.name).toBe(
        (peculiar as unknown as { asn: { signatureAlgorithm: { algorithm: string } } }).asn.signatureAlgorithm
          .algorithm,
      );

      const san = peculiar.getExtension(x509.SubjectAlternativeNameExtension);
      const dns = san?.names.items.filter((item) => item.type === 'dns').map((item) => item.value) ?? [];
      expect(record.dnsNames, fixture.name).toEqual(dns);
      expect(record.dnsNames, fixture.name).toEqual(fixture.expected.dnsNames);
      expect(record.sanCount, fixture.name).toBe(san?.names.items.length ?? 0);
      expect(record.isCa, fixture.name).toBe(
        peculiar.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
      );
      expect(record.isCa, fixture.name).toBe(fixture.expected.isCa);
      expect(record.subjectKeyId, fixture.name).toBe(
        peculiar.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
      );
      expect(record.authorityKeyId, fixture.name).toBe(
        peculiar.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId,
      );
      expect(record.extendedKeyUsage, fixture.name).toEqual(
        peculiar.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? [],
      );
      expect(record.hasCrlDistributionPoint, fixture.name).toBe(fixture.expected.hasCrlDistributionPoint);
      expect(record.hasOcsp, fixture.name).toBe(fixture.expected.hasOcsp);
      expect(record.selfIssued, fixture.name).toBe(fixture.expected.selfIssued);
    }
  });

  it('names the signature algorithms, SHA-1 and DSA included', () => {
    expect(parseCertificateDer(pki.leaves['rsa-1024-sha1'].der).signatureAlgorithm).toBe(
      'sha1WithRSAEncryption',
    );
    expect(parseCertificateDer(pki.leaves['rsa-3072'].der).signatureAlgorithm).toBe(
      'sha384WithRSAEncryption',
    );
    expect(parseCertificateDer(pki.leaves['ec-p384-no-san'].der).signatureAlgorithm).toBe(
      'ecdsa-with-SHA384',
    );
    expect(parseCertificateDer(pki.leaves['dsa-1024'].der).signatureAlgorithm).toBe('dsa-with-sha1');
  });

  it('gives two certificates of one key the same key fingerprint, and others a different one', () => {
    const one = parseCertificateDer(pki.leaves['shared-key-1'].der);
    const two = parseCertificateDer(pki.leaves['shared-key-2'].der);
    const other = parseCertificateDer(pki.leaves['ec-p256-wildcard'].der);
    expect(one.publicKeyFingerprint).toBe(two.publicKeyFingerprint);
    expect(one.fingerprint).not.toBe(two.fingerprint);
    expect(other.publicKeyFingerprint).not.toBe(one.publicKeyFingerprint);
  });

  it('reads a GeneralizedTime after 2049 (the root) and a UTCTime before it', () => {
    expect(parseCertificateDer(pki.root.der).notAfter).toBe(pki.root.expected.notAfter);
    expect(pki.root.expected.notAfter.startsWith('2056-')).toBe(true);
  });
});

describe('parseCertificateDer on hand-built certificates', () => {
  it('writes RFC 4514 names: most specific first, multi-valued RDNs, escaping, unknown attributes as hex', () => {
    const unknown = asn1.printable('x');
    const subject = asn1.name(
      [['0.9.2342.19200300.100.1.25', asn1.ia5('org')]],
      [['0.9.2342.19200300.100.1.25', asn1.ia5('example')]],
      [
        ['2.5.4.11', asn1.utf8('Ops')],
        ['2.5.4.11', asn1.bmp('Zürich')],
      ],
      [['1.2.3.4', unknown]],
      [[CN, asn1.utf8(' #Smith, "J" <x>+y;z\\ ')]],
    );
    const record = parseCertificateDer(buildCertificateDer({ subject }));
    expect(record.subject).toBe(
      `CN=\\ #Smith\\, \\"J\\" \\<x\\>\\+y\\;z\\\\\\ ,1.2.3.4=#${Buffer.from(unknown).toString('hex')},` +
        'OU=Ops+OU=Zürich,DC=example,DC=org',
    );
    expect(record.subjectCommonName).toBe(' #Smith, "J" <x>+y;z\\ ');
    // '#' is escaped only where it would start a hex value; NUL is written as \00.
    const hash = asn1.name([[CN, asn1.utf8('#lead\0')]]);
    expect(parseCertificateDer(buildCertificateDer({ subject: hash })).subject).toBe('CN=\\#lead\\00');
  });

  it('takes the last encoded CN as the common name', () => {
    const subject = asn1.name([[CN, asn1.utf8('outer')]], [[CN, asn1.utf8('inner')]]);
    expect(parseCertificateDer(buildCertificateDer({ subject })).subjectCommonName).toBe('inner');
  });

  it('reads RSASSA-PSS hashes from the parameters and defaults to SHA-1', () => {
    const pss = (params: Uint8Array) => asn1.seq(asn1.oid('1.2.840.113549.1.1.10'), params);
    const withSha256 = pss(
      asn1.seq(asn1.tlv(0xa0, asn1.seq(asn1.oid('2.16.840.1.101.3.4.2.1'), asn1.null()))),
    );
    const record = parseCertificateDer(buildCertificateDer({ signature: withSha256 }));
    expect([record.signatureAlgorithm, record.signatureHash]).toEqual(['RSASSA-PSS', 'sha256']);
    expect(parseCertificateDer(buildCertificateDer({ signature: pss(asn1.seq()) })).signatureHash).toBe(
      'sha1',
    );
  });

  it.each([
    ['1.2.840.113549.1.1.4', 'md5WithRSAEncryption', 'md5'],
    ['1.2.840.113549.1.1.2', 'md2WithRSAEncryption', 'md2'],
    ['2.16.840.1.101.3.4.3.2', 'dsa-with-sha256', 'sha256'],
    ['1.2.840.10045.4.1', 'ecdsa-with-SHA1', 'sha1'],
    ['1.2.840.10045.4.3.4', 'ecdsa-with-SHA512', 'sha512'],
    ['1.3.101.113', 'Ed448', 'none'],
    ['2.16.840.1.101.3.4.3.18', 'ML-DSA-65', 'none'],
    ['1.2.3.4.5', '1.2.3.4.5', 'unknown'],
  ])('names signature algorithm %s', (oid, name, hash) => {
    const record = parseCertificateDer(buildCertificateDer({ signature: asn1.seq(asn1.oid(oid)) }));
    expect([record.signatureAlgorithm, record.signatureAlgorithmOid, record.signatureHash]).toEqual([
      name,
      oid,
      hash,
    ]);
  });

  it.each([
    ['1.3.101.113', 'ed448', 448],
    ['2.16.840.1.101.3.4.3.17', 'ml-dsa', undefined],
    ['2.16.840.1.101.3.4.3.31', 'slh-dsa', undefined],
    ['1.2.840.10040.4.1', 'dsa', undefined],
    ['1.2.3.4', 'other', undefined],
  ])('reads key algorithm %s', (oid, algorithm, size) => {
    const spki = asn1.seq(asn1.seq(asn1.oid(oid)), asn1.bitString(new Uint8Array(32)));
    const record = parseCertificateDer(buildCertificateDer({ spki }));
    expect([record.keyAlgorithm, record.keySize]).toEqual([algorithm, size]);
  });

  it('reports an unnamed curve by its OID and sizes it from the point', () => {
    const spki = asn1.seq(
      asn1.seq(asn1.oid('1.2.840.10045.2.1'), asn1.oid('1.3.132.0.99')),
      asn1.bitString(new Uint8Array([0x04, ...new Array<number>(64).fill(1)])),
    );
    const record = parseCertificateDer(buildCertificateDer({ spki }));
    expect([record.curve, record.keySize]).toEqual(['1.3.132.0.99', 256]);
  });

  it('reads v1 certificates, 19xx UTCTimes and GeneralizedTime fractions', () => {
    const record = parseCertificateDer(
      buildCertificateDer({
        v1: true,
        notBefore: asn1.utcTime('991231235959Z'),
        notAfter: asn1.generalizedTime('20500101120000.5Z'),
      }),
    );
    expect([record.notBefore, record.notAfter]).toEqual([
      '1999-12-31T23:59:59.000Z',
      '2050-01-01T12:00:00.500Z',
    ]);
    expect(record.extendedKeyUsage).toEqual([]);
    expect(record.selfIssued).toBe(true);
  });

  it('strips leading zero bytes from the serial number', () => {
    expect(parseCertificateDer(buildCertificateDer({ serial: '0000ff01' })).serialNumber).toBe('ff01');
    expect(parseCertificateDer(buildCertificateDer({ serial: '00' })).serialNumber).toBe('00');
  });

  it('counts every SAN entry but lists only DNS names, and is not self-issued when key ids differ', () => {
    const san = asn1.seq(
      asn1.tlv(0x82, Buffer.from('a.example')),
      asn1.tlv(0x87, new Uint8Array([127, 0, 0, 1])),
      asn1.tlv(0x81, Buffer.from('ops@example')),
    );
    const record = parseCertificateDer(
      buildCertificateDer({
        extensions: [
          asn1.extension('2.5.29.17', san),
          asn1.extension('2.5.29.14', asn1.octets(new Uint8Array([1, 2]))),
          asn1.extension('2.5.29.35', asn1.seq(asn1.tlv(0x80, new Uint8Array([3, 4])))),
          asn1.extension('2.5.29.19', asn1.seq(asn1.bool(true)), true),
        ],
      }),
    );
    expect([record.dnsNames, record.sanCount, record.isCa]).toEqual([['a.example'], 3, true]);
    expect([record.subjectKeyId, record.authorityKeyId, record.selfIssued]).toEqual(['0102', '0304', false]);
  });

  it('reports damage in plain words', () => {
    const good = buildCertificateDer();
    expect(parseError(new Uint8Array()).reason).toBe('not a certificate: the data is empty');
    expect(parseError(good.subarray(0, good.length - 5)).reason).toBe(
      'truncated: the length at byte 1 runs past the end',
    );
    expect(parseError(new Uint8Array([...good, 0])).reason).toBe(
      'not a certificate: 1 bytes follow the certificate',
    );
    expect(parseError(new Uint8Array([0x30, 0x80, 0, 0])).reason).toBe(
      'indefinite length at byte 1 (BER, not DER)',
    );
    expect(parseError(asn1.octets(new Uint8Array(4))).reason).toMatch(
      /^not a certificate: it does not start/,
    );
    const badSan = buildCertificateDer({
      extensions: [asn1.extension('2.5.29.17', asn1.octets(new Uint8Array(2)))],
    });
    expect(parseError(badSan).reason).toMatch(/^damaged subjectAltName extension: /);
    const badTime = buildCertificateDer({ notBefore: asn1.utcTime('250231000000Z') });
    expect(parseError(badTime).reason).toMatch(/^malformed UTCTime at byte \d+$/);
    const noSpki = buildCertificateDer({ spki: asn1.null() });
    expect(parseError(noSpki).reason).toMatch(/SubjectPublicKeyInfo/);
    expect(parseError(buildCertificateDer({ spki: asn1.seq(sampleSpki()) })).reason).toMatch(/expected/);
  });
});
