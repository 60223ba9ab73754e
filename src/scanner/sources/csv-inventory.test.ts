import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePki, type Pki } from '../../../test/support/pki-fixtures.js';
import { PkimmError } from '../../core/errors.js';
import type { CertificateRecord, SourceEvent } from '../../core/scan/scan.types.js';
import { bufferInput, type ByteInput } from '../input.js';
import { csvInventoryEvents, csvSource, parseCsvMapping, type CsvOptions } from './csv-inventory.js';
import { derivedFingerprint } from './derived-fingerprint.js';

const containing = (text: string) => expect.stringContaining(text) as string;
const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
const like = (value: Record<string, unknown>) => expect.objectContaining(value) as unknown;

async function collect(events: AsyncIterable<SourceEvent>): Promise<SourceEvent[]> {
  const out: SourceEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const input = (name: string, text: string) => bufferInput(name, new TextEncoder().encode(text));
const read = (name: string, text: string, options: CsvOptions = {}) =>
  collect(csvInventoryEvents(input(name, text), options));
const records = (events: SourceEvent[]): CertificateRecord[] =>
  events.flatMap((event) => (event.type === 'certificate' ? [event.record] : []));
const skips = (events: SourceEvent[]) =>
  events.flatMap((event) => (event.type === 'skipped' ? [event.item] : []));

describe('csvInventoryEvents', () => {
  let pki: Pki;
  beforeAll(async () => {
    pki = await makePki();
  });

  it('reads a generic export by its column aliases', async () => {
    const text = [
      'Subject DN,Issuer,Serial_Number,Valid From,Expiry,Key Type,Key_Bits,Sig_Alg,SAN',
      '"CN=www.example.org, O=Example",CN=Example CA,0A:1B:2C,2025-01-15,2026-01-15T10:00:00Z,RSA,2048,sha256WithRSAEncryption,"DNS:www.example.org, DNS:example.org, IP:192.0.2.1"',
      'CN=old.example.org,CN=Example CA,ff01,2019-01-01,2020-01-01,EC,256,ecdsa-with-SHA1,',
    ].join('\n');
    const events = await read('inventory.csv', text);
    const [first, second] = records(events);
    expect(first).toMatchObject({
      fingerprint: derivedFingerprint('CN=Example CA', 'a1b2c'),
      fingerprintDerived: true,
      subject: 'CN=www.example.org,O=Example',
      subjectCommonName: 'www.example.org',
      issuer: 'CN=Example CA',
      issuerCommonName: 'Example CA',
      serialNumber: '0a1b2c',
      notBefore: '2025-01-15T00:00:00.000Z',
      notAfter: '2026-01-15T10:00:00.000Z',
      keyAlgorithm: 'rsa',
      keySize: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      signatureHash: 'sha256',
      dnsNames: ['www.example.org', 'example.org'],
      sanCount: 3,
      isCa: false,
      selfIssued: false,
      hasCrlDistributionPoint: false,
      hasOcsp: false,
      extendedKeyUsage: [],
    });
    expect(second).toMatchObject({
      keyAlgorithm: 'ec',
      keySize: 256,
      signatureHash: 'sha1',
      dnsNames: [],
      sanCount: 0,
    });
    expect(events.find((event) => event.type === 'certificate')).toMatchObject({
      source: { kind: 'csv', location: 'inventory.csv:2' },
    });
    expect(events.at(-1)).toEqual({
      type: 'input',
      input: {
        kind: 'csv',
        name: 'inventory.csv',
        sha256: createHash('sha256').update(text).digest('hex'),
        size: Buffer.byteLength(text),
      },
    });
  });

  it('reads an AD CS certutil export with its US dates and spaced serials, given the CA name', async () => {
    const serialText = '61 00 00 00 11 a2 b3 c4 00 00 00 00 00 11';
    const text = [
      '"Request ID","Requester Name","Certificate Template","Serial Number","Certificate Effective Date","Certificate Expiration Date","Issued Common Name","Issued Distinguished Name","Public Key Length","Public Key Algorithm","Certificate Hash"',
      `"17","CONTOSO\\web01$","WebServer","${serialText}","1/15/2025 10:00 AM","1/15/2027 10:00 PM","web01.contoso.com","CN=web01.contoso.com, OU=IT, O=Contoso","2048","1.2.840.113549.1.1.1","a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c 6d 7e 8f 90 01 12 23 34"`,
    ].join('\r\n');
    const events = await read('adcs.csv', text, { preset: 'adcs', issuer: 'Contoso Issuing CA 01' });
    expect(skips(events)).toEqual([]);
    expect(records(events)).toEqual([
      like({
        fingerprint: derivedFingerprint('Contoso Issuing CA 01', serialText.replace(/ /g, '')),
        subject: 'CN=web01.contoso.com,OU=IT,O=Contoso',
        subjectCommonName: 'web01.contoso.com',
        issuer: 'CN=Contoso Issuing CA 01',
        serialNumber: serialText.replace(/ /g, ''),
        notBefore: '2025-01-15T10:00:00.000Z',
        notAfter: '2027-01-15T22:00:00.000Z',
        keyAlgorithm: 'rsa',
        keySize: 2048,
      }),
    ]);

    const withoutIssuer = await read('adcs.csv', text, { preset: 'adcs' });
    expect(records(withoutIssuer)).toEqual([]);
    expect(skips(withoutIssuer)).toEqual([
      { location: 'adcs.csv', reason: matching(/no certificate column and no issuer column/) },
    ]);
  });

  it('follows a custom mapping from --csv-map and names missing mapped columns', async () => {
    const mapping = parseCsvMapping('serialNumber=Cert No, issuer=Authority,NOTAFTER=Expires');
    expect(mapping).toEqual({ serialNumber: 'Cert No', issuer: 'Authority', notAfter: 'Expires' });
    const text = 'cert no;AUTHORITY;Expires;serial\n12;Corp CA;2030-06-01 08:00;99\n';
    const events = await read('custom.csv', text, { mapping, delimiter: ';' });
    expect(records(events)).toEqual([
      like({
        serialNumber: '12',
        issuer: 'CN=Corp CA',
        notAfter: '2030-06-01T08:00:00.000Z',
      }),
    ]);

    const missing = await read('custom.csv', 'Serial,Issuer\n1,CA\n', {
      mapping: { notAfter: 'Expires', subject: 'Who' },
    });
    expect(records(missing)).toEqual([]);
    expect(skips(missing)).toEqual([
      {
        location: 'custom.csv',
        reason: 'the mapped columns are missing: subject → "Who", notAfter → "Expires"',
      },
    ]);
  });

  it('parses a certificate column holding PEM or base64 DER in full', async () => {
    const leaf = pki.leaves['rsa-2048'];
    const ec = pki.leaves['ec-p256-wildcard'];
    const text = [
      'name,certificate,serial,issuer',
      `pem,"${leaf.pem}",,`,
      `der,${Buffer.from(ec.der).toString('base64')},,`,
      'none,,0f,CN=Fallback CA',
      'junk,"not a certificate!",,',
      `cut,${Buffer.from(ec.der.slice(0, 100)).toString('base64')},,`,
    ].join('\n');
    const events = await read('certs.csv', text);
    const found = records(events);
    expect(found.map((record) => record.fingerprint)).toEqual([
      createHash('sha256').update(leaf.der).digest('hex'),
      createHash('sha256').update(ec.der).digest('hex'),
      derivedFingerprint('CN=Fallback CA', '0f'),
    ]);
    expect(found[0]).toMatchObject({
      keyAlgorithm: leaf.expected.keyAlgorithm,
      keySize: leaf.expected.keySize,
    });
    expect(found[0]?.fingerprintDerived).toBeUndefined();
    // The PEM cell spans several lines (and its closing quote one more), so later rows start further down.
    const pemLines = leaf.pem.trimEnd().split('\n').length;
    const junkLine = 2 + pemLines + 3;
    expect(skips(events)).toEqual([
      { location: `certs.csv:${junkLine}`, reason: containing('neither PEM nor base64') },
      { location: `certs.csv:${junkLine + 1}`, reason: matching(/^"certificate": /) },
    ]);
  });

  it('skips bad rows with file:line and the reason, and keeps the good ones', async () => {
    const text = [
      'subject,issuer,serial,not_after,key_size',
      'CN=a,CN=CA,01,2026-01-01,2048',
      '"CN=multi',
      'line",CN=CA,02,2026-02-30,2048',
      'CN=c,CN=CA,xyz,2026-01-01,2048',
      'CN=d,CN=CA,04,2026-01-01,big',
      'CN=e,,05,2026-01-01,2048',
      '',
      '=HYPERLINK("http://evil"),CN=CA,06,2026-01-01,4096',
    ].join('\n');
    const events = await read('bad.csv', text);
    expect(skips(events)).toEqual([
      { location: 'bad.csv:3', reason: containing('not a valid calendar date') },
      { location: 'bad.csv:5', reason: containing('not hexadecimal') },
      { location: 'bad.csv:6', reason: containing('"key_size": key size "big"') },
      { location: 'bad.csv:7', reason: containing('issuer') },
    ]);
    expect(records(events).map((record) => record.subject)).toEqual([
      'CN=a',
      'CN=\\=HYPERLINK(\\"http://evil\\")',
    ]);
  });

  it('drops a byte order mark before the header', async () => {
    const events = await read('bom.csv', '\ufeffSerial,Issuer\n0a,CN=CA\n');
    expect(skips(events)).toEqual([]);
    expect(records(events)).toEqual([like({ serialNumber: '0a' })]);
  });

  it('streams a 50,000-row export in small chunks', async () => {
    const rows = 50_000;
    const header = 'serial,issuer,common_name,not_after\n';
    const line = (i: number) => `${i.toString(16)},CN=Bulk CA,host${i}.example.org,2027-03-01T00:00:00Z\n`;
    let size = header.length;
    for (let i = 1; i <= rows; i += 1) size += line(i).length;
    const hash = createHash('sha256');
    const big: ByteInput = {
      name: 'big.csv',
      async *chunks() {
        let buffer = header;
        for (let i = 1; i <= rows; i += 1) {
          buffer += line(i);
          if (buffer.length > 4096) {
            hash.update(buffer);
            yield Buffer.from(buffer);
            buffer = '';
          }
        }
        hash.update(buffer);
        yield Buffer.from(buffer);
      },
    };
    let certificates = 0;
    let last: CertificateRecord | undefined;
    let digest: SourceEvent | undefined;
    for await (const event of csvSource(big).events()) {
      if (event.type === 'certificate') {
        certificates += 1;
        last = event.record;
      } else if (event.type === 'input') digest = event;
      else throw new Error(`unexpected ${event.type}`);
    }
    expect(certificates).toBe(rows);
    expect(last).toMatchObject({
      subjectCommonName: `host${rows}.example.org`,
      serialNumber: rows.toString(16).padStart(Math.ceil(rows.toString(16).length / 2) * 2, '0'),
    });
    expect(digest).toEqual({
      type: 'input',
      input: { kind: 'csv', name: 'big.csv', sha256: hash.digest('hex'), size },
    });
    // Generous: the point is that every row arrives, not how fast a loaded CI machine parses.
  }, 60_000);

  it('reports an empty file and broken CSV quoting', async () => {
    expect(skips(await read('empty.csv', ''))).toEqual([
      { location: 'empty.csv', reason: 'empty CSV file: no header row' },
    ]);
    const broken = await read('q.csv', 'serial,issuer\n01,CN=CA\n"02,CN=CA\n');
    expect(records(broken)).toHaveLength(1);
    expect(skips(broken)).toEqual([
      { location: matching(/^q\.csv:\d+$/), reason: containing('not valid CSV') },
    ]);
  });
});

describe('parseCsvMapping', () => {
  it('refuses unknown fields, missing "=" and duplicates with a USAGE error', () => {
    const failure = (text: string) => {
      try {
        parseCsvMapping(text);
      } catch (error) {
        return error;
      }
      throw new Error(`no error for ${text}`);
    };
    const unknown = failure('subject=Subject,expiry=Expires');
    expect(unknown).toBeInstanceOf(PkimmError);
    expect(unknown).toMatchObject({
      code: 'USAGE',
      message: containing('unknown field "expiry"'),
    });
    expect(failure('subject')).toMatchObject({ code: 'USAGE', message: containing('no "="') });
    expect(failure('subject=A,Subject=B')).toMatchObject({
      code: 'USAGE',
      message: containing('twice'),
    });
    expect(failure('subject=')).toMatchObject({
      code: 'USAGE',
      message: containing('empty header'),
    });
  });
});

describe('export dates and failing inputs', () => {
  it('reads the date forms exports use and refuses the rest', async () => {
    const text = [
      'serial,issuer,not_before,not_after',
      '01,CN=CA,1/1/2025 12:00 AM,12/31/2025 12:30 PM',
      '02,CN=CA,Jan  5 08:09:10 2025 GMT,2025-06-01T10:00:00+02:00',
      '03,CN=CA,13/01/2025,2025-01-01',
      '04,CN=CA,2025-01-01,soon',
    ].join('\n');
    const events = await read('dates.csv', text);
    expect(records(events).map((record) => [record.notBefore, record.notAfter])).toEqual([
      ['2025-01-01T00:00:00.000Z', '2025-12-31T12:30:00.000Z'],
      ['2025-01-05T08:09:10.000Z', '2025-06-01T08:00:00.000Z'],
    ]);
    expect(skips(events)).toEqual([
      {
        location: 'dates.csv:4',
        reason: containing('"not_before": "13/01/2025" is not a valid calendar date'),
      },
      { location: 'dates.csv:5', reason: containing('"not_after": "soon" is not a date in a known form') },
    ]);
  });

  it('turns a read error in the middle of the file into a skip instead of throwing', async () => {
    const failing: ByteInput = {
      name: 'share/export.csv',
      async *chunks() {
        yield Buffer.from('serial,issuer\n01,CN=CA\n');
        throw new Error('EIO: i/o error, read');
      },
    };
    const events = await collect(csvInventoryEvents(failing));
    expect(records(events)).toHaveLength(1);
    expect(skips(events)).toEqual([
      { location: 'share/export.csv', reason: 'could not be read to the end: EIO: i/o error, read' },
    ]);
    expect(events.some((event) => event.type === 'input')).toBe(false);
  });
});
