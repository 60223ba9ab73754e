import { createHash } from 'node:crypto';
import type {
  CertificateRecord,
  HashName,
  KeyAlgorithm,
  ScanInputDigest,
  ScanSourceKind,
} from '../../core/scan/scan.types.js';

/**
 * Helpers for the export readers (CSV, CT search results, CBOM): they list certificates
 * without their DER, so the fingerprint has to be derived from what identifies a certificate
 * across exports, the issuer and the serial number.
 *
 * Normalisation, so that `C=US, O=Let's Encrypt, CN=R3` from crt.sh and `CN=R3,O=Let's Encrypt,C=US`
 * from a parsed certificate give the same key:
 * - issuer: the value of its first CN attribute (the whole text when it has none, with the spaces
 *   around `,` and `=` removed), Unicode NFC, runs of white space collapsed to one space, trimmed,
 *   lower-cased (X.520 compares names case-insensitively);
 * - serial: spaces, colons and a `0x` prefix removed, lower-cased hex, leading zeros removed
 *   (`0` stays `0`).
 */
export function derivedFingerprint(issuer: string, serial: string): string {
  return createHash('sha256')
    .update(`${normaliseIssuerCommonName(issuer)}|${serialKey(serial)}`, 'utf8')
    .digest('hex');
}

export function normaliseIssuerCommonName(issuer: string): string {
  const cn = commonNameOf(issuer);
  const base = cn ?? issuer.replace(/\s*([,=;+])\s*/g, '$1');
  return base.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The serial as used in the derived fingerprint: hex digits only, no leading zeros. */
export function serialKey(serial: string): string {
  const hex = cleanSerial(serial).replace(/^0+/, '');
  return hex === '' ? '0' : hex;
}

/**
 * A serial number as `CertificateRecord.serialNumber` holds it: lower-case hex without leading
 * zero bytes, or undefined when the text is not hexadecimal.
 */
export function normaliseSerialHex(serial: string): string | undefined {
  const hex = cleanSerial(serial);
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  let even = hex.length % 2 === 1 ? `0${hex}` : hex;
  while (even.length > 2 && even.startsWith('00')) even = even.slice(2);
  return even;
}

function cleanSerial(serial: string): string {
  return serial.trim().replace(/^0x/i, '').replace(/[\s:]/g, '').toLowerCase();
}

/** One attribute of a distinguished name as written in an export. */
export interface NameAttribute {
  type: string;
  value: string;
}

/**
 * Splits a distinguished name as exports write it: RFC 4514 (`CN=a,O=b`), with spaces after the
 * commas (`C=US, O=b, CN=a`, crt.sh and AD CS), with `;` separators, or OpenSSL's slash form
 * (`/C=US/O=b/CN=a`). Backslash escapes and double-quoted values keep their commas. Returns
 * undefined for text that has no `type=value` part, e.g. a bare CA name.
 */
export function splitDistinguishedName(text: string): readonly NameAttribute[] | undefined {
  // Exports repeat the same few issuer names on every row; splitting each once keeps large files fast.
  const known = nameCache.get(text);
  if (known !== undefined || nameCache.has(text)) return known;
  const attributes = splitUncached(text);
  if (nameCache.size >= NAME_CACHE_SIZE) nameCache.clear();
  nameCache.set(text, attributes);
  return attributes;
}

const NAME_CACHE_SIZE = 1000;
const nameCache = new Map<string, readonly NameAttribute[] | undefined>();

function splitUncached(text: string): NameAttribute[] | undefined {
  const trimmed = text.trim();
  const slashForm = trimmed.startsWith('/') && /^\/[A-Za-z0-9.]+=/.test(trimmed);
  const separators = slashForm ? new Set(['/']) : new Set([',', ';', '+']);
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = slashForm ? 1 : 0; i < trimmed.length; i += 1) {
    const c = trimmed[i] as string;
    if (c === '\\' && i + 1 < trimmed.length) {
      current += c + (trimmed[i + 1] as string);
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (!quoted && separators.has(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  const attributes: NameAttribute[] = [];
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      // A separator inside an unescaped value (`O=Example, Inc.`): it belongs to the previous value.
      const last = attributes[attributes.length - 1];
      if (last === undefined) return undefined;
      last.value += `, ${part.trim()}`;
      continue;
    }
    attributes.push({ type: part.slice(0, eq).trim(), value: unescapeValue(part.slice(eq + 1).trim()) });
  }
  return attributes.length > 0 ? attributes : undefined;
}

function unescapeValue(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1);
  return value.replace(/\\([0-9a-fA-F]{2}|.)/g, (_m, escaped: string) =>
    escaped.length === 2 ? String.fromCharCode(parseInt(escaped, 16)) : escaped,
  );
}

/** The first CN value of a distinguished name, or undefined when there is none. */
export function commonNameOf(text: string): string | undefined {
  const attributes = splitDistinguishedName(text);
  return attributes?.find((attribute) => attribute.type.toUpperCase() === 'CN')?.value;
}

/**
 * A name in the RFC 4514 form the records use (`CN=a,O=b`, special characters escaped).
 * `reverse` is for exports that list the attributes in encoding order, most general first
 * (crt.sh), where RFC 4514 starts with the most specific. A text without attributes (a bare CA
 * name) becomes `CN=<text>` so that it still yields a common name.
 */
export function toRfc4514(text: string, reverse = false): string {
  const attributes = splitDistinguishedName(text);
  if (attributes === undefined) return text.trim() === '' ? '' : `CN=${escapeValue(text.trim())}`;
  const ordered = reverse ? [...attributes].reverse() : attributes;
  return ordered
    .map((attribute) => `${attribute.type.toUpperCase()}=${escapeValue(attribute.value)}`)
    .join(',');
}

function escapeValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

/** The key algorithm a name or OID from an export stands for (`RSA`, `id-ecPublicKey`, `1.2.840.113549.1.1.1`, `ML-DSA-65`). */
export function keyAlgorithmFromName(name: string | undefined): KeyAlgorithm {
  if (name === undefined || name.trim() === '') return 'unknown';
  const text = name.trim().toLowerCase();
  const byOid = KEY_OIDS[text];
  if (byOid) return byOid;
  if (/^[0-9.]+$/.test(text)) return 'other';
  if (text.includes('pss')) return 'rsa-pss';
  if (text.startsWith('ml-dsa') || text.includes('dilithium')) return 'ml-dsa';
  if (text.startsWith('slh-dsa') || text.includes('sphincs')) return 'slh-dsa';
  if (text.includes('ed25519')) return 'ed25519';
  if (text.includes('ed448')) return 'ed448';
  if (text.startsWith('rsa')) return 'rsa';
  if (/^(ec|ecc|ecdsa|ecdh|ecpublickey|id-ecpublickey)\b/.test(text) || text.startsWith('ecdsa')) return 'ec';
  if (text.startsWith('dsa')) return 'dsa';
  return 'other';
}

const KEY_OIDS: Record<string, KeyAlgorithm> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.2.840.10040.4.1': 'dsa',
  '2.16.840.1.101.3.4.3.17': 'ml-dsa',
  '2.16.840.1.101.3.4.3.18': 'ml-dsa',
  '2.16.840.1.101.3.4.3.19': 'ml-dsa',
};

/** The hash a signature algorithm's name implies: `sha256WithRSAEncryption`, `sha1RSA` (AD CS), `ecdsa-with-SHA384`. */
export function signatureHashFromName(name: string | undefined): HashName {
  if (name === undefined) return 'unknown';
  const text = name.toLowerCase().replace(/[-_\s]/g, '');
  const byOid = SIGNATURE_HASH_OIDS[name.trim()];
  if (byOid) return byOid;
  if (text.includes('md2')) return 'md2';
  if (text.includes('md5')) return 'md5';
  for (const hash of ['sha224', 'sha256', 'sha384', 'sha512', 'sha1'] as const) {
    if (text.includes(hash)) return hash;
  }
  if (/ed25519|ed448|mldsa|slhdsa/.test(text)) return 'none';
  return 'unknown';
}

const SIGNATURE_HASH_OIDS: Record<string, HashName> = {
  '1.2.840.113549.1.1.2': 'md2',
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.10040.4.3': 'sha1',
};

/** What an export knows about a certificate; everything else gets the documented "unknown" value. */
export interface ExportedCertificate {
  issuer: string;
  serial: string;
  subject?: string;
  subjectCommonName?: string;
  issuerCommonName?: string;
  notBefore?: string;
  notAfter?: string;
  keyAlgorithm?: KeyAlgorithm;
  keySize?: number;
  curve?: string;
  signatureAlgorithm?: string;
  signatureAlgorithmOid?: string;
  dnsNames?: string[];
  sanCount?: number;
  /** A SHA-256 fingerprint the export gives; the derived one is used when absent. */
  fingerprint?: string;
}

/** A record for a certificate known only from an export, with the derived fingerprint unless one was given. */
export function recordFromExport(data: ExportedCertificate): CertificateRecord {
  const subject = data.subject ?? '';
  const subjectCommonName = data.subjectCommonName ?? commonNameOf(subject);
  const issuerCommonName = data.issuerCommonName ?? commonNameOf(data.issuer);
  const dnsNames = data.dnsNames ?? [];
  const record: CertificateRecord = {
    fingerprint: data.fingerprint ?? derivedFingerprint(data.issuer, data.serial),
    ...(data.fingerprint === undefined ? { fingerprintDerived: true } : {}),
    subject,
    issuer: data.issuer,
    ...(subjectCommonName === undefined ? {} : { subjectCommonName }),
    ...(issuerCommonName === undefined ? {} : { issuerCommonName }),
    serialNumber: normaliseSerialHex(data.serial) ?? data.serial,
    ...(data.notBefore === undefined ? {} : { notBefore: data.notBefore }),
    ...(data.notAfter === undefined ? {} : { notAfter: data.notAfter }),
    keyAlgorithm: data.keyAlgorithm ?? 'unknown',
    ...(data.keySize === undefined ? {} : { keySize: data.keySize }),
    ...(data.curve === undefined ? {} : { curve: data.curve }),
    signatureAlgorithm: data.signatureAlgorithm ?? 'unknown',
    ...(data.signatureAlgorithmOid === undefined
      ? {}
      : { signatureAlgorithmOid: data.signatureAlgorithmOid }),
    signatureHash: signatureHashFromName(data.signatureAlgorithmOid ?? data.signatureAlgorithm),
    isCa: false,
    selfIssued: subject !== '' && sameName(subject, data.issuer),
    dnsNames,
    sanCount: data.sanCount ?? dnsNames.length,
    hasCrlDistributionPoint: false,
    hasOcsp: false,
    extendedKeyUsage: [],
  };
  return record;
}

function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // Most rows name a subject other than their issuer: different common names settle it cheaply.
  if ((commonNameOf(a) ?? '').toLowerCase() !== (commonNameOf(b) ?? '').toLowerCase()) return false;
  const key = (text: string) =>
    (splitDistinguishedName(text) ?? [{ type: 'CN', value: text }])
      .map(
        (attribute) =>
          `${attribute.type.toUpperCase()}=${attribute.value.replace(/\s+/g, ' ').trim().toLowerCase()}`,
      )
      .sort()
      .join(',');
  return key(a) === key(b);
}

/**
 * Hashes and counts the bytes of an input while a reader consumes them, so every reader can
 * emit its `input` event without reading the input twice.
 */
export class DigestingChunks {
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(private readonly source: AsyncIterable<Uint8Array>) {}

  async *chunks(): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.source) {
      this.hash.update(chunk);
      this.bytes += chunk.byteLength;
      yield chunk;
    }
  }

  get size(): number {
    return this.bytes;
  }

  digest(kind: ScanSourceKind, name: string): ScanInputDigest {
    return { kind, name, sha256: this.hash.digest('hex'), size: this.bytes };
  }
}
