import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import type { ByteInput } from '../input.js';
import { ctJsonEvents, ctSource } from './ct-json.js';
import { derivedFingerprint } from './derived-fingerprint.js';

const containing = (text: string) => expect.stringContaining(text) as string;

function oneByteInput(name: string, text: string): ByteInput {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let i = 0; i < bytes.length; i += 1) yield bytes.slice(i, i + 1);
    },
  };
}

async function collect(events: AsyncIterable<SourceEvent>): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const entry = (overrides: Record<string, unknown> = {}) => ({
  issuer_ca_id: 295815,
  issuer_name: "C=US, O=Let's Encrypt, CN=R11",
  common_name: 'www.example.org',
  name_value: 'example.org\nwww.example.org\nhostmaster@example.org',
  id: 12345678901,
  entry_timestamp: '2024-03-01T12:05:01.123',
  not_before: '2024-03-01T12:00:00',
  not_after: '2024-05-30T12:00:00',
  serial_number: '03a1b2c3d4e5f60718293a4b5c6d7e8f9a0b',
  result_count: 3,
  ...overrides,
});

describe('ctJsonEvents', () => {
  it('turns crt.sh entries into certificate records with derived fingerprints, fed one byte at a time', async () => {
    const precert = entry();
    const final = entry({ id: 12345678902 });
    const text = JSON.stringify([precert, final]);
    const events = await collect(ctJsonEvents(oneByteInput('crtsh.json', text)));

    const certificates = events.filter((event) => event.type === 'certificate');
    expect(certificates).toHaveLength(2);
    const [first] = certificates;
    if (first?.type !== 'certificate') throw new Error('no certificate');
    const serial = precert.serial_number.replace(/^0+/, '');
    expect(first.record).toMatchObject({
      fingerprint: createHash('sha256').update(`r11|${serial}`).digest('hex'),
      fingerprintDerived: true,
      subject: 'CN=www.example.org',
      subjectCommonName: 'www.example.org',
      issuer: "CN=R11,O=Let's Encrypt,C=US",
      issuerCommonName: 'R11',
      serialNumber: precert.serial_number,
      notBefore: '2024-03-01T12:00:00.000Z',
      notAfter: '2024-05-30T12:00:00.000Z',
      keyAlgorithm: 'unknown',
      signatureAlgorithm: 'unknown',
      signatureHash: 'unknown',
      isCa: false,
      selfIssued: false,
      dnsNames: ['example.org', 'www.example.org'],
      sanCount: 3,
      hasCrlDistributionPoint: false,
      hasOcsp: false,
      extendedKeyUsage: [],
    });
    expect(first.source).toEqual({ kind: 'ct', location: 'crtsh.json#0' });
    // Precertificate and certificate share issuer and serial, so the builder can fold them.
    expect(certificates[1]).toMatchObject({ record: { fingerprint: first.record.fingerprint } });

    const input = events.at(-1);
    expect(input).toEqual({
      type: 'input',
      input: {
        kind: 'ct',
        name: 'crtsh.json',
        sha256: createHash('sha256').update(text).digest('hex'),
        size: Buffer.byteLength(text),
      },
    });
  });

  it('matches the fingerprint a certificate-bearing source derives for the same issuer and serial', () => {
    expect(derivedFingerprint("C=US, O=Let's Encrypt, CN=R11", '00:0A:bc')).toBe(
      derivedFingerprint("CN=r11,O=Let's Encrypt,C=US", 'abc'),
    );
    expect(derivedFingerprint('CN=R11', '0abc')).not.toBe(derivedFingerprint('CN=R10', '0abc'));
  });

  it('skips malformed and incomplete elements by index and keeps the rest', async () => {
    const text = `[${JSON.stringify(entry())}, {"issuer_name": "CN=X"}, {broken}, ${JSON.stringify(
      entry({ not_after: 'next tuesday' }),
    )}, ${JSON.stringify(entry({ serial_number: 'zz-top' }))}, 7, ${JSON.stringify(entry({ id: 9 }))}]`;
    const events = await collect(ctJsonEvents(oneByteInput('ct.json', text)));
    expect(events.filter((event) => event.type === 'certificate')).toHaveLength(2);
    const skipped = events.flatMap((event) => (event.type === 'skipped' ? [event.item] : []));
    expect(skipped.map((item) => item.location)).toEqual([
      'ct.json#1',
      'ct.json#2',
      'ct.json#3',
      'ct.json#4',
      'ct.json#5',
    ]);
    expect(skipped[0]?.reason).toContain('serial_number');
    expect(skipped[1]?.reason).toContain('not valid JSON');
    expect(skipped[2]?.reason).toContain('not_after');
    expect(skipped[3]?.reason).toContain('not hexadecimal');
    expect(skipped[4]?.reason).toContain('not a crt.sh entry');
  });

  it('skips a document that is not an array once, for the whole file', async () => {
    const source = ctSource(oneByteInput('object.json', '{"bomFormat":"CycloneDX"}'));
    expect(source.kind).toBe('ct');
    const events = await collect(source.events());
    expect(events.filter((event) => event.type === 'skipped')).toEqual([
      {
        type: 'skipped',
        item: { location: 'object.json', reason: containing('not a JSON array') },
      },
    ]);
  });
});
