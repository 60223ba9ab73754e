/**
 * Scan events from one certificate file, recognised by content: PEM text with any number of
 * blocks, or binary DER (certificate, PKCS#7, PKCS#12, PKCS#8 key). PEM streams through in
 * bounded memory; binary files are read whole up to a limit. Private keys become findings and
 * nothing of them is kept. Damaged content becomes `skipped` events; this never throws for it.
 *
 * Locations: `name#n`, where n counts the file's items from 1 (each certificate, key and skipped
 * block, in file order; a PKCS#7 or PKCS#12 contributes one per certificate), or `name` alone
 * when the file holds a single item. The `input` event (size, SHA-256 of every byte read) comes
 * last; a file that cannot be opened gets one `skipped` event and no `input` event.
 */
import { createHash } from 'node:crypto';
import type { SourceEvent } from '../../core/scan/scan.types.js';
import type { ByteInput } from '../input.js';
import { CertificateParseError, parseCertificateDer } from '../x509/parse-certificate.js';
import { classifyDer, firstElementEnd } from './files/der-kind.js';
import { PemSplitter, type PemItem } from './files/pem-splitter.js';
import { pkcs12Items } from './files/pkcs12.js';
import { pkcs7Certificates, type BundleItem } from './files/pkcs7.js';

export interface CertificateFileOptions {
  /** Tried in order on encrypted PKCS#12 parts, then the empty password. */
  pkcs12Passwords?: string[];
  /** Binary files over this many bytes are hashed but not parsed. Default 16 MiB. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Bytes looked at before deciding between PEM text and binary DER. */
const SNIFF_BYTES = 4096;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

type MakeEvent = (location: string) => SourceEvent;

/**
 * Numbers the items of one file. A file with a single item is reported by its name alone, so
 * the first item is held back until a second one shows it needs `#1`.
 */
class Locations {
  private held: MakeEvent | undefined;
  private count = 0;
  constructor(private readonly name: string) {}

  *add(make: MakeEvent): Generator<SourceEvent> {
    this.count += 1;
    if (this.count === 1) {
      this.held = make;
      return;
    }
    if (this.held) {
      yield this.held(`${this.name}#1`);
      this.held = undefined;
    }
    yield make(`${this.name}#${this.count}`);
  }

  *finish(): Generator<SourceEvent> {
    if (this.held) yield this.held(this.name);
    this.held = undefined;
  }
}

const skipped =
  (reason: string): MakeEvent =>
  (location) => ({ type: 'skipped', item: { location, reason } });

const privateKey =
  (message: string): MakeEvent =>
  (location) => ({ type: 'finding', finding: { kind: 'private-key', location, message } });

function certificate(der: Uint8Array): MakeEvent {
  try {
    const record = parseCertificateDer(der);
    return (location) => ({ type: 'certificate', record, source: { kind: 'file', location } });
  } catch (error) {
    if (error instanceof CertificateParseError) return skipped(error.reason);
    return skipped('unreadable certificate');
  }
}

function keyMessage(what: string): string {
  return `a private key (${what}) lies in a scanned certificate file; keep keys in a key store or HSM, not beside certificates`;
}

function mib(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function bundle(items: BundleItem[]): MakeEvent[] {
  return items.map((item) => (item.type === 'certificate' ? certificate(item.der) : skipped(item.reason)));
}

function pemEvents(item: PemItem): MakeEvent[] {
  if (item.kind === 'bad') return [skipped(item.reason)];
  const { label, body } = item;
  if (label.endsWith('PRIVATE KEY')) return [privateKey(keyMessage(`PEM "${label}"`))];
  if (label === 'X509 CRL' || label === 'CRL') return [skipped('a CRL, not a certificate')];
  if (label === 'CERTIFICATE REQUEST' || label === 'NEW CERTIFICATE REQUEST') {
    return [skipped('a certificate signing request, not a certificate')];
  }
  const isCertificate =
    label === 'CERTIFICATE' || label === 'X509 CERTIFICATE' || label === 'TRUSTED CERTIFICATE';
  const isBundle = label === 'PKCS7' || label === 'CMS' || label === 'PKCS #7 SIGNED DATA';
  if (!isCertificate && !isBundle) return [skipped(`a PEM "${label}" block, not a certificate`)];
  if (!BASE64.test(body)) return [skipped(`the PEM block "${label}" is not valid base64`)];
  let der: Uint8Array = Buffer.from(body, 'base64');
  if (isBundle) return bundle(pkcs7Certificates(der));
  if (label === 'TRUSTED CERTIFICATE') {
    // OpenSSL appends its trust settings after the certificate.
    const end = firstElementEnd(der);
    if (end !== undefined) der = der.subarray(0, end);
  }
  return [certificate(der)];
}

function derEvents(bytes: Buffer, passwords: readonly string[]): MakeEvent[] {
  // Trailing line breaks or padding after the DER are not part of it.
  const end = firstElementEnd(bytes);
  const der =
    end !== undefined && /^[\s\0]*$/.test(bytes.toString('latin1', end)) ? bytes.subarray(0, end) : bytes;
  switch (classifyDer(der)) {
    case 'certificate':
      return [certificate(der)];
    case 'pkcs7':
      return bundle(pkcs7Certificates(der));
    case 'pkcs12':
      return pkcs12Items(der, passwords).map((item) =>
        item.type === 'certificate'
          ? certificate(item.der)
          : item.type === 'private-key'
            ? privateKey(keyMessage(item.message.replace(/^the PKCS#12 file holds an? /, 'PKCS#12: ')))
            : skipped(item.reason),
      );
    case 'private-key':
      return [privateKey(keyMessage('DER'))];
    case 'crl':
      return [skipped('a CRL, not a certificate')];
    case 'csr':
      return [skipped('a certificate signing request, not a certificate')];
    default:
      return [
        skipped('not a certificate file: neither PEM text nor a DER certificate, PKCS#7, PKCS#12 or key'),
      ];
  }
}

export async function* certificateFileEvents(
  input: ByteInput,
  options: CertificateFileOptions = {},
): AsyncGenerator<SourceEvent> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const passwords = options.pkcs12Passwords ?? [];
  const hasher = createHash('sha256');
  const locations = new Locations(input.name);
  let size = 0;
  let mode: 'sniff' | 'text' | 'binary' = 'sniff';
  let held: Buffer[] = [];
  let heldBytes = 0;
  let tooLarge = false;
  // Base64 is 4/3 of the bytes; the same limit then holds for one PEM block as for a DER file.
  const splitter = new PemSplitter(Math.ceil((maxBytes * 4) / 3) + 4096);

  function* feedText(chunks: Buffer[]): Generator<SourceEvent> {
    for (const chunk of chunks) {
      for (const item of splitter.push(chunk.toString('latin1'))) {
        for (const make of safely(() => pemEvents(item))) yield* locations.add(make);
      }
    }
  }

  try {
    for await (const chunk of input.chunks()) {
      const bytes = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hasher.update(bytes);
      size += bytes.length;
      if (mode === 'binary') {
        if (!tooLarge) {
          held.push(bytes);
          heldBytes += bytes.length;
          if (heldBytes > maxBytes) {
            tooLarge = true;
            held = [];
          }
        }
        continue;
      }
      if (mode === 'text') {
        yield* feedText([bytes]);
        continue;
      }
      held.push(bytes);
      heldBytes += bytes.length;
      if (heldBytes >= SNIFF_BYTES) {
        mode = sniff(held);
        if (mode === 'text') {
          const chunks = held;
          held = [];
          heldBytes = 0;
          yield* feedText(chunks);
        } else if (heldBytes > maxBytes) {
          tooLarge = true;
          held = [];
        }
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    yield skipped(`cannot read the file: ${detail}`)(input.name);
    return;
  }

  if (mode === 'sniff') {
    if (heldBytes === 0) {
      yield skipped('the file is empty')(input.name);
      yield inputEvent(input.name, hasher.digest('hex'), size);
      return;
    }
    mode = sniff(held);
    if (mode === 'text') {
      const chunks = held;
      held = [];
      yield* feedText(chunks);
    }
  }

  if (mode === 'text') {
    for (const item of splitter.end()) {
      for (const make of safely(() => pemEvents(item))) yield* locations.add(make);
    }
    if (splitter.blocksSeen === 0) {
      yield* locations.add(skipped('not a certificate file: no PEM block and not DER'));
    }
  } else if (tooLarge) {
    yield* locations.add(
      skipped(`file is ${mib(size)} MiB; binary certificate files over ${mib(maxBytes)} MiB are not read`),
    );
  } else {
    const bytes = Buffer.concat(held);
    for (const make of safely(() => derEvents(bytes, passwords))) yield* locations.add(make);
  }
  yield* locations.finish();
  yield inputEvent(input.name, hasher.digest('hex'), size);
}

/** PEM when a BEGIN marker shows early or the data cannot be DER; DER starts with a SEQUENCE. */
function sniff(prefix: Buffer[]): 'text' | 'binary' {
  const head = Buffer.concat(prefix);
  return head.includes('-----BEGIN') || head[0] !== 0x30 ? 'text' : 'binary';
}

function inputEvent(name: string, sha256: string, size: number): SourceEvent {
  return { type: 'input', input: { kind: 'file', name, sha256, size } };
}

/** Content readers report damage as items; anything they throw is a bug, still not a scan failure. */
function safely(read: () => MakeEvent[]): MakeEvent[] {
  try {
    return read();
  } catch (error) {
    return [skipped(`unreadable content (${error instanceof Error ? error.message : 'unknown error'})`)];
  }
}
