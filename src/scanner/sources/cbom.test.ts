import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import { bufferInput } from '../input.js';
import { cbomEvents, cbomSource } from './cbom.js';
import { derivedFingerprint } from './derived-fingerprint.js';

const containing = (text: string) => expect.stringContaining(text) as string;
const like = (value: Record<string, unknown>) => expect.objectContaining(value) as unknown;

async function collect(events: AsyncIterable<SourceEvent>): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const cbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  version: 1,
  components: [
    {
      type: 'cryptographic-asset',
      name: 'sha256WithRSAEncryption',
      'bom-ref': 'crypto/algorithm/sha256-rsa',
      cryptoProperties: {
        assetType: 'algorithm',
        oid: '1.2.840.113549.1.1.11',
        algorithmProperties: { primitive: 'signature', nistQuantumSecurityLevel: 0 },
      },
    },
    {
      type: 'cryptographic-asset',
      name: 'RSA-2048',
      'bom-ref': 'crypto/algorithm/rsa-2048',
      cryptoProperties: {
        assetType: 'algorithm',
        oid: '1.2.840.113549.1.1.1',
        algorithmProperties: {
          primitive: 'pke',
          parameterSetIdentifier: '2048',
          nistQuantumSecurityLevel: 0,
        },
      },
    },
    {
      type: 'application',
      name: 'payments-service',
      'bom-ref': 'app/payments',
      components: [
        {
          type: 'cryptographic-asset',
          name: 'payments.example.org',
          'bom-ref': 'crypto/certificate/payments',
          cryptoProperties: {
            assetType: 'certificate',
            certificateProperties: {
              subjectName: 'CN=payments.example.org, O=Example',
              issuerName: 'CN=Example Issuing CA, O=Example',
              notValidBefore: '2025-01-01T00:00:00Z',
              notValidAfter: '2026-01-01T00:00:00Z',
              signatureAlgorithmRef: 'crypto/algorithm/sha256-rsa',
              subjectPublicKeyRef: 'crypto/key/rsa-2048-public',
              certificateFormat: 'X.509',
            },
          },
        },
        {
          type: 'cryptographic-asset',
          name: 'RSA-2048 public key',
          'bom-ref': 'crypto/key/rsa-2048-public',
          cryptoProperties: {
            assetType: 'related-crypto-material',
            relatedCryptoMaterialProperties: {
              type: 'public-key',
              algorithmRef: 'crypto/algorithm/rsa-2048',
              size: 2048,
            },
          },
        },
      ],
    },
    {
      type: 'cryptographic-asset',
      name: 'ML-DSA-65',
      'bom-ref': 'crypto/algorithm/ml-dsa-65',
      cryptoProperties: {
        assetType: 'algorithm',
        oid: '2.16.840.1.101.3.4.3.18',
        algorithmProperties: {
          primitive: 'signature',
          parameterSetIdentifier: '65',
          nistQuantumSecurityLevel: 2,
        },
      },
    },
    {
      type: 'cryptographic-asset',
      name: 'legacy signing key',
      'bom-ref': 'crypto/key/rsa-1024',
      cryptoProperties: {
        assetType: 'related-crypto-material',
        relatedCryptoMaterialProperties: {
          type: 'private-key',
          algorithmRef: 'crypto/algorithm/rsa-2048',
          size: 1024,
        },
      },
    },
    {
      type: 'cryptographic-asset',
      name: 'TLS v1.2',
      'bom-ref': 'crypto/protocol/tls12',
      cryptoProperties: { assetType: 'protocol', protocolProperties: { type: 'tls', version: '1.2' } },
    },
    { type: 'library', name: 'openssl', version: '3.0.13' },
  ],
};

describe('cbomEvents', () => {
  it('reads certificates, algorithms and key material from a CycloneDX 1.6 CBOM', async () => {
    const text = JSON.stringify(cbom, null, 2);
    const events = await collect(cbomEvents(bufferInput('system.cdx.json', new TextEncoder().encode(text))));

    expect(events[0]).toEqual({
      type: 'input',
      input: {
        kind: 'cbom',
        name: 'system.cdx.json',
        sha256: createHash('sha256').update(text).digest('hex'),
        size: Buffer.byteLength(text),
      },
    });
    const certificates = events.flatMap((event) => (event.type === 'certificate' ? [event] : []));
    expect(certificates).toHaveLength(1);
    expect(certificates[0]?.source).toEqual({
      kind: 'cbom',
      location: 'system.cdx.json#crypto/certificate/payments',
    });
    expect(certificates[0]?.record).toMatchObject({
      fingerprint: derivedFingerprint('CN=Example Issuing CA', 'crypto/certificate/payments'),
      fingerprintDerived: true,
      subject: 'CN=payments.example.org,O=Example',
      subjectCommonName: 'payments.example.org',
      issuer: 'CN=Example Issuing CA,O=Example',
      issuerCommonName: 'Example Issuing CA',
      serialNumber: 'crypto/certificate/payments',
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2026-01-01T00:00:00.000Z',
      keyAlgorithm: 'rsa',
      keySize: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      signatureAlgorithmOid: '1.2.840.113549.1.1.11',
      signatureHash: 'sha256',
      isCa: false,
      selfIssued: false,
    });

    const algorithms = events.flatMap((event) => (event.type === 'algorithm' ? [event.algorithm] : []));
    expect(algorithms.map((algorithm) => algorithm.name)).toEqual([
      'sha256WithRSAEncryption',
      'RSA-2048',
      'ML-DSA-65',
    ]);
    expect(algorithms[2]).toEqual({
      name: 'ML-DSA-65',
      oid: '2.16.840.1.101.3.4.3.18',
      primitive: 'signature',
      parameterSet: '65',
      nistQuantumSecurityLevel: 2,
      source: { kind: 'cbom', location: 'system.cdx.json#crypto/algorithm/ml-dsa-65' },
    });

    const keys = events.flatMap((event) => (event.type === 'key' ? [event.key] : []));
    expect(keys).toEqual([
      {
        type: 'public-key',
        algorithm: 'RSA-2048',
        size: 2048,
        source: like({ kind: 'cbom' }),
      },
      {
        type: 'private-key',
        algorithm: 'RSA-2048',
        size: 1024,
        source: { kind: 'cbom', location: 'system.cdx.json#crypto/key/rsa-1024' },
      },
    ]);
    // The protocol and the plain library are not inventoried and not reported as unreadable.
    expect(events.filter((event) => event.type === 'skipped')).toEqual([]);
  });

  it('uses a declared serial number instead of the bom-ref', async () => {
    const withSerial = structuredClone(cbom);
    const app = withSerial.components[2] as {
      components: { cryptoProperties: { certificateProperties: Record<string, unknown> } }[];
    };
    const certificate = app.components[0];
    if (certificate === undefined) throw new Error('fixture changed');
    certificate.cryptoProperties.certificateProperties.serialNumber = '00:AB:CD';
    const events = await collect(
      cbomSource(bufferInput('s.json', Buffer.from(JSON.stringify(withSerial)))).events(),
    );
    const record = events.flatMap((event) => (event.type === 'certificate' ? [event.record] : []))[0];
    expect(record?.serialNumber).toBe('abcd');
    expect(record?.fingerprint).toBe(derivedFingerprint('CN=Example Issuing CA', 'abcd'));
  });

  it('skips documents that are not a CycloneDX BOM, too large or too deeply nested', async () => {
    const spdx = await collect(
      cbomEvents(bufferInput('sbom.json', Buffer.from('{"spdxVersion":"SPDX-2.3"}'))),
    );
    expect(spdx.filter((event) => event.type === 'skipped')).toEqual([
      {
        type: 'skipped',
        item: { location: 'sbom.json', reason: containing('not a CycloneDX document') },
      },
    ]);

    const big = Buffer.from(JSON.stringify(cbom));
    const tooLarge = await collect(cbomEvents(bufferInput('big.json', big), { maxBytes: 100 }));
    expect(tooLarge).toEqual([
      {
        type: 'skipped',
        item: {
          location: 'big.json',
          reason: containing('larger than the CBOM limit of 100 bytes'),
        },
      },
    ]);

    // Without a declared size the limit applies while reading; nothing partial is digested.
    const unsized = await collect(
      cbomEvents(
        {
          name: 'stream.json',
          async *chunks() {
            for (let i = 0; i < big.length; i += 50) yield big.subarray(i, i + 50);
          },
        },
        { maxBytes: 120 },
      ),
    );
    expect(unsized).toEqual([
      {
        type: 'skipped',
        item: { location: 'stream.json', reason: containing('larger than the CBOM limit of 120 bytes') },
      },
    ]);

    const deep = Buffer.from(`{"bomFormat":"CycloneDX","x":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    const nested = await collect(cbomEvents(bufferInput('deep.json', deep)));
    expect(nested.at(-1)).toEqual({
      type: 'skipped',
      item: { location: 'deep.json', reason: containing('nested more than 200 levels') },
    });

    const broken = await collect(cbomEvents(bufferInput('broken.json', Buffer.from('{"bomFormat":'))));
    expect(broken.at(-1)).toMatchObject({
      type: 'skipped',
      item: { reason: containing('not valid JSON') },
    });
  });
});
