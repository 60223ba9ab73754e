/**
 * Test PKIs generated on the fly (no committed fixture files) for every scanner test:
 *
 *   const pki = await makePki();          // cached per test file; 1-4 s (RSA key generation)
 *   pki.root, pki.intermediate            // RSA 2048 root (notAfter 2056), EC P-384 intermediate
 *   pki.leaves['ec-p256-wildcard'].der    // Uint8Array DER; .pem; .keyPem (PKCS#8 PEM)
 *   pki.leaves[name].expected             // what the generator put in: key, dates, SAN, CRL/OCSP, hash
 *   pki.all                               // root, intermediate, then the leaves in LEAF_NAMES order
 *   toPem(der, label), pkcs7Bundle([der, ...]), pkcs12File({ certs, keyPem, password, certEncryption })
 *   asn1.*, buildCertificateDer(parts)    // hand-made DER for what WebCrypto cannot make
 *
 * Leaves: RSA 1024 signed with SHA-1 by the root; RSA 2048 with CRL DP and AIA OCSP; RSA 3072
 * (SHA-384, by the root); EC P-256 with a wildcard SAN; EC P-384 without SAN; EC P-521 expired
 * 35 days ago; Ed25519 expiring in 10 days; two P-256 certificates sharing one key; a
 * self-signed DSA 1024 / SHA-1 certificate. The others are valid for a year from `now`.
 *
 * Certificates come from @peculiar/x509 over WebCrypto. WebCrypto has no DSA, so the DSA leaf is
 * made by the openssl CLI (`req -x509` with 1024-bit parameters) in a temporary directory, and
 * PKCS#12 files too (`openssl pkcs12 -export`, synchronous): an implementation independent of ours.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  EncapsulatedContentInfo,
  id_data,
  id_signedData,
  SignedData,
} from '@peculiar/asn1-cms';
import { PFX } from '@peculiar/asn1-pfx';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import type { HashName, KeyAlgorithm } from '../../src/core/scan/scan.types.js';
import { x509 } from '../../src/attest/x509.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type CryptoKey = webcrypto.CryptoKey;
const subtle = webcrypto.subtle;
const DAY = 24 * 3600 * 1000;

/** What the generator put into a certificate, for tests to compare a parser's output against. */
export interface ExpectedFacts {
  commonName: string;
  /** Lower-case hex, as CertificateRecord.serialNumber. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  keyAlgorithm: KeyAlgorithm;
  keySize: number;
  curve?: string;
  signatureHash: HashName;
  dnsNames: string[];
  isCa: boolean;
  hasCrlDistributionPoint: boolean;
  hasOcsp: boolean;
  selfIssued: boolean;
}

export interface FixtureCert {
  name: string;
  der: Uint8Array;
  pem: string;
  /** PKCS#8 PEM of the certificate's private key. */
  keyPem?: string;
  expected: ExpectedFacts;
}

export const LEAF_NAMES = [
  'rsa-1024-sha1',
  'rsa-2048',
  'rsa-3072',
  'ec-p256-wildcard',
  'ec-p384-no-san',
  'ec-p521-expired',
  'ed25519-expiring',
  'shared-key-1',
  'shared-key-2',
  'dsa-1024',
] as const;
export type LeafName = (typeof LEAF_NAMES)[number];

export interface Pki {
  /** The instant validity periods are measured from. */
  now: Date;
  root: FixtureCert;
  intermediate: FixtureCert;
  leaves: Record<LeafName, FixtureCert>;
  /** Root, intermediate, then every leaf. */
  all: FixtureCert[];
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A degenerate CMS SignedData (no signers, certificates only), the `.p7b` form, as DER. */
export function pkcs7Bundle(ders: Uint8Array[]): Uint8Array {
  const signed = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(
      ders.map((der) => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) })),
    ),
  });
  const info = new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signed) });
  return new Uint8Array(AsnConvert.serialize(info));
}

export interface Pkcs12Options {
  certs: Uint8Array[];
  /** PKCS#8 PEM; the file then holds a shrouded key bag too. */
  keyPem?: string;
  /** Default `''`. */
  password?: string;
  /**
   * `aes` (default): AES-256-CBC; `none`: certificates unencrypted; `legacy`: 3DES with SHA-1.
   */
  certEncryption?: 'aes' | 'none' | 'legacy';
  /**
   * Default true (HMAC-SHA256). False removes the MAC after openssl wrote the file and keeps the
   * encryption (OpenSSL 3.0's own `-nomac` leaves the certificates unencrypted).
   */
  mac?: boolean;
}

/** A .p12 written by `openssl pkcs12 -export`, by default with a SHA-256 MAC. */
export function pkcs12File(options: Pkcs12Options): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-p12-'));
  try {
    const certsPath = join(dir, 'certs.pem');
    writeFileSync(certsPath, options.certs.map((der) => toPem(der)).join(''));
    const out = join(dir, 'out.p12');
    const encryption = options.certEncryption ?? 'aes';
    const certPbe =
      encryption === 'none' ? 'NONE' : encryption === 'legacy' ? 'PBE-SHA1-3DES' : 'AES-256-CBC';
    const keyPbe = encryption === 'legacy' ? 'PBE-SHA1-3DES' : 'AES-256-CBC';
    const args = [
      'pkcs12',
      '-export',
      '-in',
      certsPath,
      '-out',
      out,
      '-passout',
      `pass:${options.password ?? ''}`,
    ];
    if (options.keyPem) {
      const keyPath = join(dir, 'key.pem');
      writeFileSync(keyPath, options.keyPem);
      args.push('-inkey', keyPath);
    } else {
      args.push('-nokeys');
    }
    args.push('-keypbe', keyPbe, '-certpbe', certPbe, '-macalg', 'sha256');
    execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const written = new Uint8Array(readFileSync(out));
    if (options.mac !== false) return written;
    // PFX ::= SEQUENCE { version 3, authSafe, macData OPTIONAL }: write it again without the MAC.
    const pfx = AsnConvert.parse(written, PFX);
    return asn1.seq(asn1.int('03'), new Uint8Array(AsnConvert.serialize(pfx.authSafe)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let cached: Promise<Pki> | undefined;

/** The shared test PKI; generated once per test file (module), reused by every test in it. */
export function makePki(options: { now?: Date } = {}): Promise<Pki> {
  if (options.now) return generate(options.now);
  cached ??= generate(new Date());
  return cached;
}

let serialCounter = 0x1000;
function nextSerial(): string {
  serialCounter += 1;
  // A leading 0x01 byte keeps the number positive and shows that leading bytes are kept.
  return `01${serialCounter.toString(16).padStart(6, '0')}`;
}

/** Whole seconds: certificate times carry no milliseconds. */
function seconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

const rsaKeys = (bits: number) =>
  subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: bits,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
const ecKeys = (curve: string) =>
  subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);

/** WebCrypto binds an RSA key to one hash; import the same private key again for another. */
async function rsaSigner(key: CryptoKey, hash: string): Promise<CryptoKey> {
  const pkcs8 = await subtle.exportKey('pkcs8', key);
  return subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
}

async function keyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

interface Issuer {
  name: string;
  /** The issuer's subject DN, as @peculiar/x509 takes it (DER order). */
  subject: string;
  keys: CryptoKeyPair;
  signers: Partial<Record<string, CryptoKey>>;
}

interface LeafSpec {
  name: string;
  keys: CryptoKeyPair;
  key: { algorithm: KeyAlgorithm; size: number; curve?: string };
  issuer: Issuer;
  hash: 'SHA-1' | 'SHA-256' | 'SHA-384';
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
  revocation?: boolean;
  ca?: boolean;
  selfSigned?: boolean;
}

async function issue(spec: LeafSpec): Promise<FixtureCert> {
  const cn = commonName(spec.name, spec.ca);
  const subject = subjectOf(cn);
  const issuerKey = spec.issuer.keys;
  const isEcIssuer = issuerKey.privateKey.algorithm.name === 'ECDSA';
  const signingKey = isEcIssuer ? issuerKey.privateKey : spec.issuer.signers[spec.hash];
  if (!signingKey) throw new Error(`no ${spec.hash} signer for ${spec.issuer.name}`);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(spec.ca ?? false, undefined, true),
    new x509.KeyUsagesExtension(
      spec.ca
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(spec.keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerKey.publicKey),
  ];
  if (!spec.ca) extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]));
  if (spec.dnsNames.length > 0) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        spec.dnsNames.map((value) => ({ type: 'dns' as const, value })),
      ),
    );
  }
  if (spec.revocation) {
    extensions.push(new x509.CRLDistributionPointsExtension(['http://crl.example.test/intermediate.crl']));
    extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: ['http://ocsp.example.test'] }));
  }
  const serialNumber = nextSerial();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber,
    subject,
    issuer: spec.issuer.subject,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    signingAlgorithm: isEcIssuer
      ? { name: 'ECDSA', hash: spec.hash }
      : { name: 'RSASSA-PKCS1-v1_5', hash: spec.hash },
    publicKey: spec.keys.publicKey,
    signingKey,
    extensions,
  });
  const der = new Uint8Array(cert.rawData);
  return {
    name: spec.name,
    der,
    pem: toPem(der),
    keyPem: await keyPem(spec.keys.privateKey),
    expected: {
      commonName: cn,
      serialNumber,
      notBefore: spec.notBefore.toISOString(),
      notAfter: spec.notAfter.toISOString(),
      keyAlgorithm: spec.key.algorithm,
      keySize: spec.key.size,
      ...(spec.key.curve ? { curve: spec.key.curve } : {}),
      signatureHash: spec.hash === 'SHA-1' ? 'sha1' : spec.hash === 'SHA-256' ? 'sha256' : 'sha384',
      dnsNames: spec.dnsNames,
      isCa: spec.ca ?? false,
      hasCrlDistributionPoint: spec.revocation ?? false,
      hasOcsp: spec.revocation ?? false,
      selfIssued: spec.selfSigned ?? false,
    },
  };
}

/** CAs are named by their role, leaves by a host name under example.test. */
function commonName(name: string, ca = false): string {
  return ca ? name : `${name}.example.test`;
}

function subjectOf(cn: string): string {
  return `C=DE, O=pkimm tests, CN=${cn}`;
}

async function generate(now: Date): Promise<Pki> {
  const start = seconds(new Date(now.getTime() - DAY));
  const inYear = seconds(new Date(now.getTime() + 365 * DAY));
  const [rootKeys, intermediateKeys, rsa1024, rsa2048, rsa3072, p256, p384, p521, ed25519, shared] =
    await Promise.all([
      rsaKeys(2048),
      ecKeys('P-384'),
      rsaKeys(1024),
      rsaKeys(2048),
      rsaKeys(3072),
      ecKeys('P-256'),
      ecKeys('P-384'),
      ecKeys('P-521'),
      subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>,
      ecKeys('P-256'),
    ]);
  const rootIssuer: Issuer = {
    name: 'pkimm test root',
    subject: subjectOf('pkimm test root'),
    keys: rootKeys,
    signers: {
      'SHA-1': await rsaSigner(rootKeys.privateKey, 'SHA-1'),
      'SHA-256': rootKeys.privateKey,
      'SHA-384': await rsaSigner(rootKeys.privateKey, 'SHA-384'),
    },
  };
  // The root outlives 2050, so its notAfter is a GeneralizedTime and the rest are UTCTime.
  const root = await issue({
    name: rootIssuer.name,
    keys: rootKeys,
    key: { algorithm: 'rsa', size: 2048 },
    issuer: rootIssuer,
    hash: 'SHA-256',
    notBefore: start,
    notAfter: seconds(new Date(Date.UTC(2056, 0, 1))),
    dnsNames: [],
    ca: true,
    selfSigned: true,
  });
  const intermediateIssuer: Issuer = {
    name: 'pkimm test intermediate',
    subject: subjectOf('pkimm test intermediate'),
    keys: intermediateKeys,
    signers: {},
  };
  const intermediate = await issue({
    name: intermediateIssuer.name,
    keys: intermediateKeys,
    key: { algorithm: 'ec', size: 384, curve: 'P-384' },
    issuer: rootIssuer,
    hash: 'SHA-384',
    notBefore: start,
    notAfter: seconds(new Date(now.getTime() + 5 * 365 * DAY)),
    dnsNames: [],
    ca: true,
  });
  const leaf = (
    name: LeafName,
    keys: CryptoKeyPair,
    key: LeafSpec['key'],
    extra: Partial<LeafSpec> = {},
  ): Promise<FixtureCert> =>
    issue({
      name,
      keys,
      key,
      issuer: intermediateIssuer,
      hash: 'SHA-256',
      notBefore: start,
      notAfter: inYear,
      dnsNames: [`${name}.example.test`],
      ...extra,
    });
  const leaves = await Promise.all([
    leaf('rsa-1024-sha1', rsa1024, { algorithm: 'rsa', size: 1024 }, { issuer: rootIssuer, hash: 'SHA-1' }),
    leaf('rsa-2048', rsa2048, { algorithm: 'rsa', size: 2048 }, { revocation: true }),
    leaf('rsa-3072', rsa3072, { algorithm: 'rsa', size: 3072 }, { hash: 'SHA-384', issuer: rootIssuer }),
    leaf(
      'ec-p256-wildcard',
      p256,
      { algorithm: 'ec', size: 256, curve: 'P-256' },
      { dnsNames: ['*.wildcard.example.test', 'wildcard.example.test'] },
    ),
    leaf(
      'ec-p384-no-san',
      p384,
      { algorithm: 'ec', size: 384, curve: 'P-384' },
      { dnsNames: [], hash: 'SHA-384' },
    ),
    leaf(
      'ec-p521-expired',
      p521,
      { algorithm: 'ec', size: 521, curve: 'P-521' },
      {
        notBefore: seconds(new Date(now.getTime() - 400 * DAY)),
        notAfter: seconds(new Date(now.getTime() - 35 * DAY)),
      },
    ),
    leaf(
      'ed25519-expiring',
      ed25519,
      { algorithm: 'ed25519', size: 255 },
      { notAfter: seconds(new Date(now.getTime() + 10 * DAY)) },
    ),
    leaf('shared-key-1', shared, { algorithm: 'ec', size: 256, curve: 'P-256' }),
    leaf('shared-key-2', shared, { algorithm: 'ec', size: 256, curve: 'P-256' }),
  ]);
  const byName = Object.fromEntries(leaves.map((cert) => [cert.name, cert])) as Record<LeafName, FixtureCert>;
  byName['dsa-1024'] = dsaCertificate();
  const ordered = LEAF_NAMES.map((name) => byName[name]);
  return { now, root, intermediate, leaves: byName, all: [root, intermediate, ...ordered] };
}

/** A self-signed DSA 1024 / SHA-1 certificate from the openssl CLI (WebCrypto has no DSA). */
function dsaCertificate(): FixtureCert {
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-dsa-'));
  try {
    const run = (args: string[]) =>
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    run([
      'genpkey',
      '-genparam',
      '-algorithm',
      'DSA',
      '-pkeyopt',
      'dsa_paramgen_bits:1024',
      '-pkeyopt',
      'dsa_paramgen_q_bits:160',
      '-out',
      'params.pem',
    ]);
    const serial = nextSerial();
    run([
      'req',
      '-x509',
      '-newkey',
      'dsa:params.pem',
      '-nodes',
      '-keyout',
      'key.pem',
      '-sha1',
      '-days',
      '30',
      '-subj',
      '/C=DE/O=pkimm tests/CN=dsa-1024.example.test',
      '-set_serial',
      `0x${serial}`,
      '-out',
      'cert.pem',
    ]);
    const pem = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const der = new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const parsed = new x509.X509Certificate(der);
    return {
      name: 'dsa-1024',
      der,
      pem,
      keyPem: readFileSync(join(dir, 'key.pem'), 'utf8'),
      expected: {
        commonName: 'dsa-1024.example.test',
        serialNumber: serial,
        // openssl picks the dates from its own clock; read them back rather than predict them.
        notBefore: parsed.notBefore.toISOString(),
        notAfter: parsed.notAfter.toISOString(),
        keyAlgorithm: 'dsa',
        keySize: 1024,
        signatureHash: 'sha1',
        dnsNames: [],
        isCa: parsed.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
        hasCrlDistributionPoint: false,
        hasOcsp: false,
        selfIssued: true,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A minimal DER writer for hand-made structures: names with odd strings, unusual algorithms,
 * damaged certificates. Lengths are always encoded correctly, so a test damages bytes on purpose.
 */
export const asn1 = {
  tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
    const length = parts.reduce((total, part) => total + part.length, 0);
    const header =
      length < 0x80
        ? [tag, length]
        : length < 0x100
          ? [tag, 0x81, length]
          : length < 0x10000
            ? [tag, 0x82, length >> 8, length & 0xff]
            : [tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
    return new Uint8Array(Buffer.concat([Buffer.from(header), ...parts]));
  },
  seq: (...parts: Uint8Array[]) => asn1.tlv(0x30, ...parts),
  set: (...parts: Uint8Array[]) => asn1.tlv(0x31, ...parts),
  oid(dotted: string): Uint8Array {
    const arcs = dotted.split('.').map(BigInt);
    const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
    const bytes: number[] = [];
    for (const value of values) {
      const groups: number[] = [];
      let rest = value;
      do {
        groups.unshift(Number(rest & 0x7fn));
        rest >>= 7n;
      } while (rest > 0n);
      groups.forEach((group, i) => bytes.push(i < groups.length - 1 ? group | 0x80 : group));
    }
    return asn1.tlv(0x06, new Uint8Array(bytes));
  },
  /** An INTEGER from hex digits, written as given (the caller decides about sign bytes). */
  int: (hex: string) => asn1.tlv(0x02, Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')),
  utf8: (text: string) => asn1.tlv(0x0c, Buffer.from(text, 'utf8')),
  printable: (text: string) => asn1.tlv(0x13, Buffer.from(text, 'latin1')),
  ia5: (text: string) => asn1.tlv(0x16, Buffer.from(text, 'latin1')),
  bmp: (text: string) => asn1.tlv(0x1e, Buffer.from(text, 'utf16le').swap16()),
  utcTime: (text: string) => asn1.tlv(0x17, Buffer.from(text, 'latin1')),
  generalizedTime: (text: string) => asn1.tlv(0x18, Buffer.from(text, 'latin1')),
  bitString: (bytes: Uint8Array) => asn1.tlv(0x03, new Uint8Array([0]), bytes),
  octets: (bytes: Uint8Array) => asn1.tlv(0x04, bytes),
  bool: (value: boolean) => asn1.tlv(0x01, new Uint8Array([value ? 0xff : 0])),
  null: () => new Uint8Array([0x05, 0x00]),
  /** A Name from RDNs in DER order; each RDN is a list of [attribute OID, encoded value]. */
  name: (...rdns: [string, Uint8Array][][]) =>
    asn1.seq(...rdns.map((rdn) => asn1.set(...rdn.map(([oid, value]) => asn1.seq(asn1.oid(oid), value))))),
  extension: (oid: string, value: Uint8Array, critical = false) =>
    asn1.seq(asn1.oid(oid), ...(critical ? [asn1.bool(true)] : []), asn1.octets(value)),
};

export interface CertificateParts {
  /** 2 for v3 (default), undefined-with-`v1: true` to leave the version out. */
  v1?: boolean;
  serial?: string;
  signature?: Uint8Array;
  issuer?: Uint8Array;
  subject?: Uint8Array;
  notBefore?: Uint8Array;
  notAfter?: Uint8Array;
  spki?: Uint8Array;
  extensions?: Uint8Array[];
}

/** An EC P-256 SubjectPublicKeyInfo with a made-up point (parsing never checks the curve equation). */
export const sampleSpki = () =>
  asn1.seq(
    asn1.seq(asn1.oid('1.2.840.10045.2.1'), asn1.oid('1.2.840.10045.3.1.7')),
    asn1.bitString(new Uint8Array([0x04, ...new Array<number>(64).fill(7)])),
  );

/**
 * A certificate assembled from parts, with a dummy signature: for fields the WebCrypto-made
 * fixtures cannot have (legacy algorithms, odd names, v1, unusual keys).
 */
export function buildCertificateDer(parts: CertificateParts = {}): Uint8Array {
  const signature = parts.signature ?? asn1.seq(asn1.oid('1.2.840.10045.4.3.2'));
  const name = asn1.name([['2.5.4.3', asn1.utf8('built')]]);
  const tbs = asn1.seq(
    ...(parts.v1 ? [] : [asn1.tlv(0xa0, asn1.int('02'))]),
    asn1.int(parts.serial ?? '0123'),
    signature,
    parts.issuer ?? name,
    asn1.seq(
      parts.notBefore ?? asn1.utcTime('250101000000Z'),
      parts.notAfter ?? asn1.utcTime('350101000000Z'),
    ),
    parts.subject ?? name,
    parts.spki ?? sampleSpki(),
    ...(parts.extensions ? [asn1.tlv(0xa3, asn1.seq(...parts.extensions))] : []),
  );
  return asn1.seq(tbs, signature, asn1.bitString(new Uint8Array(8)));
}
