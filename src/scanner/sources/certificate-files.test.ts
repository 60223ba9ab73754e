import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import { x509 } from '../../attest/x509.js';
import {
  asn1,
  makePki,
  pkcs12File,
  pkcs7Bundle,
  toPem,
  type FixtureCert,
  type Pki,
} from '../../../test/support/pki-fixtures.js';
import { bufferInput, fileInput, type ByteInput } from '../input.js';
import { certificateFileEvents } from './certificate-files.js';
import { classifyDer } from './files/der-kind.js';
import { PemSplitter } from './files/pem-splitter.js';
import { EMPTY_REASON, LEGACY_REASON, PASSWORD_REASON } from './files/pkcs12.js';

let pki: Pki;
let leaf: FixtureCert;
beforeAll(async () => {
  pki = await makePki();
  leaf = pki.leaves['rsa-2048'];
}, 60_000); // key generation is slow on a busy machine

async function collect(input: ByteInput, options = {}): Promise<SourceEvent[]> {
  const events: SourceEvent[] = [];
  for await (const event of certificateFileEvents(input, options)) events.push(event);
  return events;
}

const scan = (name: string, bytes: Uint8Array | string, options = {}) =>
  collect(bufferInput(name, typeof bytes === 'string' ? Buffer.from(bytes) : bytes), options);

/** The same bytes, delivered in chunks of the given sizes (cycled). */
function chunked(name: string, bytes: Uint8Array, sizes: number[]): ByteInput {
  return {
    name,
    async *chunks() {
      for (let offset = 0, i = 0; offset < bytes.length; i += 1) {
        const size = sizes[i % sizes.length]!;
        yield bytes.subarray(offset, offset + size);
        offset += size;
      }
    },
  };
}

const summary = (events: SourceEvent[]) =>
  events.map((event) => {
    switch (event.type) {
      case 'certificate':
        return `certificate ${event.source.location} ${event.record.fingerprint}`;
      case 'skipped':
        return `skipped ${event.item.location}: ${event.item.reason}`;
      case 'finding':
        return `finding ${event.finding.location}`;
      case 'input':
        return `input ${event.input.name} ${event.input.size} ${event.input.sha256}`;
      default:
        return event.type;
    }
  });

const certificates = (events: SourceEvent[]) =>
  events.flatMap((event) => (event.type === 'certificate' ? [event] : []));
const skips = (events: SourceEvent[]) =>
  events.flatMap((event) => (event.type === 'skipped' ? [event.item] : []));
const findings = (events: SourceEvent[]) =>
  events.flatMap((event) => (event.type === 'finding' ? [event.finding] : []));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fingerprint = (cert: FixtureCert) => sha256(cert.der);

describe('certificateFileEvents on PEM', () => {
  it('reads a bundle of every fixture, numbers the blocks and digests the input', async () => {
    const text = `# a comment line\n${pki.all.map((cert) => cert.pem).join('\n')}`;
    const events = await scan('bundle.pem', text);
    const found = certificates(events);
    expect(found.map((event) => event.record.fingerprint)).toEqual(pki.all.map(fingerprint));
    expect(found.map((event) => event.source)).toEqual(
      pki.all.map((_, i) => ({ kind: 'file', location: `bundle.pem#${i + 1}` })),
    );
    expect(events.at(-1)).toEqual({
      type: 'input',
      input: {
        kind: 'file',
        name: 'bundle.pem',
        sha256: sha256(Buffer.from(text)),
        size: Buffer.byteLength(text),
      },
    });
  });

  it('gives the same events whatever the chunk boundaries', async () => {
    const bytes = Buffer.from(pki.all.map((cert) => cert.pem).join('') + (leaf.keyPem ?? ''));
    const whole = summary(await scan('b.pem', bytes));
    for (const sizes of [[1], [7, 3, 64], [11], [4095, 1, 2]]) {
      expect(summary(await collect(chunked('b.pem', bytes, sizes)))).toEqual(whole);
    }
  });

  it('reports a single certificate by the file name alone', async () => {
    const events = await scan('one.pem', leaf.pem);
    expect(certificates(events).map((event) => event.source.location)).toEqual(['one.pem']);
  });

  it('turns every private key label into a finding and keeps nothing of the key', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keys = [
      rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ec.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      rsa.privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
        .toString(),
      toPem(new Uint8Array(48).fill(9), 'DSA PRIVATE KEY'),
      toPem(Buffer.from('openssh-key-v1\0 made up'), 'OPENSSH PRIVATE KEY'),
    ];
    const events = await scan('keys.pem', keys.join(''));
    expect(findings(events).map((finding) => [finding.kind, finding.location])).toEqual(
      keys.map((_, i) => ['private-key', `keys.pem#${i + 1}`]),
    );
    expect(findings(events)[1]!.message).toContain('RSA PRIVATE KEY');
    const serialized = JSON.stringify(events);
    for (const key of keys) {
      const body = key.split('\n').filter((line) => line && !line.startsWith('-----'));
      for (const line of body) expect(serialized).not.toContain(line);
    }
  });

  it('skips CRLs, requests and other blocks with a reason, and goes on after a bad block', async () => {
    const crl = await x509.X509CrlGenerator.create({
      issuer: 'CN=crl issuer',
      thisUpdate: new Date(),
      signingKey: (await webcryptoKeys()).privateKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    const keys = await webcryptoKeys();
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: 'CN=request',
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    const damaged = new Uint8Array(leaf.der);
    damaged[1] = 0x83; // the outer length now claims more bytes than there are
    const text = [
      pki.root.pem,
      crl.toString('pem'),
      csr.toString('pem'),
      toPem(damaged),
      '-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n',
      toPem(new Uint8Array([1, 2, 3]), 'EC PARAMETERS'),
      leaf.pem,
      '-----BEGIN CERTIFICATE-----\nMIIB\n',
    ].join('\n');
    const events = await scan('mixed.pem', text);
    expect(certificates(events).map((event) => event.source.location)).toEqual([
      'mixed.pem#1',
      'mixed.pem#7',
    ]);
    expect(skips(events)).toEqual([
      { location: 'mixed.pem#2', reason: 'a CRL, not a certificate' },
      { location: 'mixed.pem#3', reason: 'a certificate signing request, not a certificate' },
      {
        location: 'mixed.pem#4',
        reason: expect.stringMatching(/^truncated: the length at byte 1/) as string,
      },
      { location: 'mixed.pem#5', reason: 'the PEM block "CERTIFICATE" is not valid base64' },
      { location: 'mixed.pem#6', reason: 'a PEM "EC PARAMETERS" block, not a certificate' },
      { location: 'mixed.pem#8', reason: 'truncated: the PEM block "CERTIFICATE" has no END line' },
    ]);
  });

  it('reads PKCS#7 blocks and OpenSSL TRUSTED CERTIFICATE blocks', async () => {
    const bundle = toPem(pkcs7Bundle([pki.root.der, pki.intermediate.der]), 'PKCS7');
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-trusted-'));
    writeFileSync(join(dir, 'leaf.pem'), leaf.pem);
    const trusted = execFileSync(
      'openssl',
      ['x509', '-in', join(dir, 'leaf.pem'), '-trustout', '-addtrust', 'serverAuth'],
      {
        encoding: 'utf8',
      },
    );
    expect(trusted).toContain('BEGIN TRUSTED CERTIFICATE');
    const events = await scan('mixed.pem', bundle + trusted);
    expect(certificates(events).map((event) => event.record.fingerprint)).toEqual([
      fingerprint(pki.root),
      fingerprint(pki.intermediate),
      fingerprint(leaf),
    ]);
  });

  it('yields certificates while a long bundle is still arriving (it is not held whole)', async () => {
    const total = 3_000;
    let produced = 0;
    let producedAtFirst = -1;
    const input: ByteInput = {
      name: 'stream.pem',
      async *chunks() {
        for (; produced < total;) {
          produced += 1;
          yield Buffer.from(leaf.pem);
        }
      },
    };
    let count = 0;
    for await (const event of certificateFileEvents(input)) {
      if (event.type === 'certificate') {
        if (producedAtFirst < 0) producedAtFirst = produced;
        count += 1;
      }
    }
    expect(count).toBe(total);
    expect(producedAtFirst).toBeLessThan(10);
  });

  it('keeps a PEM splitter within its block limit', () => {
    const splitter = new PemSplitter(100);
    const items = [
      ...splitter.push(`-----BEGIN CERTIFICATE-----\n${'A'.repeat(500)}\n-----END CERTIFICATE-----\n`),
      ...splitter.end(),
    ];
    expect(items).toEqual([
      { kind: 'bad', label: 'CERTIFICATE', reason: 'the PEM block "CERTIFICATE" is over 100 characters' },
    ]);
  });
});

async function webcryptoKeys() {
  const { webcrypto } = await import('node:crypto');
  return webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

describe('certificateFileEvents on binary files', () => {
  it('reads a DER certificate, with or without a trailing line break', async () => {
    for (const bytes of [leaf.der, Buffer.concat([leaf.der, Buffer.from('\r\n')])]) {
      const events = await scan('leaf.cer', bytes);
      expect(summary(events)).toEqual([
        `certificate leaf.cer ${fingerprint(leaf)}`,
        `input leaf.cer ${bytes.length} ${sha256(bytes)}`,
      ]);
    }
  });

  it('reads a DER PKCS#7 bundle', async () => {
    const events = await scan('chain.p7b', pkcs7Bundle([leaf.der, pki.intermediate.der, pki.root.der]));
    expect(certificates(events).map((event) => [event.source.location, event.record.fingerprint])).toEqual([
      ['chain.p7b#1', fingerprint(leaf)],
      ['chain.p7b#2', fingerprint(pki.intermediate)],
      ['chain.p7b#3', fingerprint(pki.root)],
    ]);
  });

  it('turns DER private keys into findings', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const type of ['pkcs8', 'sec1'] as const) {
      const events = await scan('key.der', privateKey.export({ type, format: 'der' }));
      expect(findings(events).map((finding) => finding.location)).toEqual(['key.der']);
      expect(certificates(events)).toEqual([]);
    }
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs1',
      format: 'der',
    });
    expect(findings(await scan('rsa.der', rsa))).toHaveLength(1);
  });

  it('tells CRLs and requests apart from certificates', async () => {
    const keys = await webcryptoKeys();
    const crl = await x509.X509CrlGenerator.create({
      issuer: 'CN=crl issuer',
      thisUpdate: new Date(),
      signingKey: keys.privateKey,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    const csr = await x509.Pkcs10CertificateRequestGenerator.create({
      name: 'CN=request',
      keys,
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    });
    expect(classifyDer(new Uint8Array(crl.rawData))).toBe('crl');
    expect(classifyDer(new Uint8Array(csr.rawData))).toBe('csr');
    expect(classifyDer(leaf.der)).toBe('certificate');
    expect(skips(await scan('list.crl', new Uint8Array(crl.rawData)))).toEqual([
      { location: 'list.crl', reason: 'a CRL, not a certificate' },
    ]);
  });

  it('skips a binary file over the size limit but still digests it', async () => {
    const bytes = Buffer.alloc(1.5 * 1024 * 1024, 0x41);
    bytes[0] = 0x30;
    const events = await collect(chunked('huge.der', bytes, [64 * 1024]), { maxBytes: 1024 * 1024 });
    expect(summary(events)).toEqual([
      'skipped huge.der: file is 1.5 MiB; binary certificate files over 1 MiB are not read',
      `input huge.der ${bytes.length} ${sha256(bytes)}`,
    ]);
  });

  it('skips empty, unreadable and unrecognised files with a reason', async () => {
    expect(skips(await scan('empty', new Uint8Array()))).toEqual([
      { location: 'empty', reason: 'the file is empty' },
    ]);
    expect(skips(await scan('notes.txt', 'just some text\n'))[0]!.reason).toMatch(/^not a certificate file/);
    expect(skips(await scan('odd.der', asn1.seq(asn1.null())))[0]!.reason).toMatch(/^not a certificate file/);
    const missing = await collect(fileInput(join(tmpdir(), 'pkimm-no-such-file.pem')));
    expect(missing).toEqual([
      {
        type: 'skipped',
        item: {
          location: expect.stringContaining('pkimm-no-such-file.pem') as string,
          reason: expect.stringMatching(/^cannot read the file: .*ENOENT/) as string,
        },
      },
    ]);
  });

  it('reads a real file through fileInput', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkimm-files-'));
    const path = join(dir, 'chain.pem');
    writeFileSync(path, leaf.pem + pki.intermediate.pem);
    const events = await collect(fileInput(path));
    expect(certificates(events)).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ input: { sha256: sha256(readFileSync(path)) } });
  });
});

describe('certificateFileEvents on PKCS#12', () => {
  it('reads AES-encrypted certificates with the given password and reports the key without opening it', async () => {
    const p12 = pkcs12File({
      certs: [leaf.der, pki.intermediate.der],
      keyPem: leaf.keyPem!,
      password: 's3cret',
    });
    const events = await scan('id.p12', p12, { pkcs12Passwords: ['wrong', 's3cret'] });
    expect(
      certificates(events)
        .map((event) => event.record.fingerprint)
        .sort(),
    ).toEqual([fingerprint(leaf), fingerprint(pki.intermediate)].sort());
    expect(findings(events)).toHaveLength(1);
    expect(findings(events)[0]!.message).toMatch(/PKCS#12/);
    expect(skips(events)).toEqual([]);
  });

  it('asks for the password when none fits', async () => {
    const p12 = pkcs12File({ certs: [leaf.der], keyPem: leaf.keyPem!, password: 's3cret' });
    for (const options of [{}, { pkcs12Passwords: ['nope'] }]) {
      const events = await scan('id.p12', p12, options);
      expect(certificates(events)).toEqual([]);
      expect(skips(events).map((item) => item.reason)).toEqual([PASSWORD_REASON]);
    }
  });

  it('finds the password by decrypting when the file has no MAC', async () => {
    const p12 = pkcs12File({ certs: [leaf.der], keyPem: leaf.keyPem!, password: 'k3y', mac: false });
    const right = await scan('nomac.p12', p12, { pkcs12Passwords: ['wrong', 'k3y'] });
    expect(certificates(right).map((event) => event.record.fingerprint)).toEqual([fingerprint(leaf)]);
    const wrong = await scan('nomac.p12', p12, { pkcs12Passwords: ['wrong'] });
    expect(skips(wrong).map((item) => item.reason)).toEqual([PASSWORD_REASON]);
  });

  it('tries the empty password last', async () => {
    const events = await scan('open.p12', pkcs12File({ certs: [leaf.der] }), { pkcs12Passwords: ['other'] });
    expect(certificates(events).map((event) => event.source.location)).toEqual(['open.p12']);
  });

  it('reads unencrypted certificates without any password', async () => {
    const p12 = pkcs12File({
      certs: [leaf.der],
      keyPem: leaf.keyPem!,
      password: 's3cret',
      certEncryption: 'none',
    });
    const events = await scan('plain.p12', p12);
    expect(certificates(events).map((event) => event.record.fingerprint)).toEqual([fingerprint(leaf)]);
    expect(findings(events)).toHaveLength(1);
  });

  it('says so when the certificates use legacy encryption', async () => {
    const p12 = pkcs12File({
      certs: [leaf.der],
      keyPem: leaf.keyPem!,
      password: 's3cret',
      certEncryption: 'legacy',
    });
    const events = await scan('old.p12', p12, { pkcs12Passwords: ['s3cret'] });
    expect(skips(events).map((item) => item.reason)).toEqual([LEGACY_REASON]);
    expect(LEGACY_REASON).toMatch(/legacy.*3DES/);
  });

  it('names an unknown bag type, and says so when nothing at all comes out of the file', async () => {
    const plain = pkcs12File({ certs: [leaf.der], certEncryption: 'none' });
    const certBagOid = Buffer.from('060b2a864886f70d010c0a0103', 'hex');
    const at = Buffer.from(plain).indexOf(certBagOid);
    expect(at).toBeGreaterThan(0);
    const withBagType = (last: number) => {
      const bytes = Uint8Array.from(plain);
      bytes[at + certBagOid.length - 1] = last;
      return bytes;
    };
    const unknown = await scan('odd.p12', withBagType(9));
    expect(certificates(unknown)).toEqual([]);
    expect(skips(unknown).map((item) => item.reason)).toEqual([
      'an unknown PKCS#12 bag type (1.2.840.113549.1.12.10.1.9)',
    ]);
    // A secret bag is a known bag without a certificate; alone it leaves the file empty.
    const secret = await scan('secret.p12', withBagType(5));
    expect(skips(secret).map((item) => item.reason)).toEqual([EMPTY_REASON]);
  });
});
