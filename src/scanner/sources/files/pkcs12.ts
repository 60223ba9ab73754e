/**
 * The public parts of a PKCS#12 (.p12/.pfx) file: its certificates, and the fact (never the
 * content) that it holds a private key. Key bags are not decrypted. Encrypted certificate
 * parts are opened with PBES2 (the OpenSSL 3 default) using the given passwords and then the
 * empty one; legacy RC2/3DES encryption is reported rather than implemented.
 */
import { checkMac, decryptPbes2, Pkcs12Error } from '../../../attest/pkcs12-crypto.js';
import {
  DerError,
  expectElement,
  readElement,
  readOid,
  readSmallInteger,
  TAG,
  type Element,
} from '../../x509/der.js';
import { OID_DATA } from './der-kind.js';

export type Pkcs12Item =
  | { type: 'certificate'; der: Uint8Array }
  | { type: 'private-key'; message: string }
  | { type: 'skipped'; reason: string };

const OID_ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const OID_ENVELOPED_DATA = '1.2.840.113549.1.7.3';
const BAG = '1.2.840.113549.1.12.10.1.';
const KEY_BAG = `${BAG}1`;
const SHROUDED_KEY_BAG = `${BAG}2`;
const CERT_BAG = `${BAG}3`;
const CRL_BAG = `${BAG}4`;
const SECRET_BAG = `${BAG}5`;
const SAFE_CONTENTS_BAG = `${BAG}6`;
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const LEGACY_PBE = '1.2.840.113549.1.12.1.';
const MAX_NESTING = 4;
const MAX_MAC_ITERATIONS = 1_000_000;

export const PASSWORD_REASON = 'password-protected PKCS#12; pass its password with --pkcs12-password';
export const EMPTY_REASON = 'a PKCS#12 file that holds no certificate and no private key';
export const LEGACY_REASON =
  'the certificates in this PKCS#12 are encrypted with a legacy algorithm (RC2, RC4 or 3DES with SHA-1), ' +
  'which the scanner does not read; re-export the file with AES-256-CBC';

interface EncryptedPart {
  algorithm: string;
  parameters: Buffer;
  data: Buffer;
}

export function pkcs12Items(input: Uint8Array, passwords: readonly string[]): Pkcs12Item[] {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  try {
    const items = read(bytes, [...new Set([...passwords, ''])]);
    // A file that is well formed but yields nothing (only secret bags, or a damaged part that
    // still decrypted to a valid shape) must still say why no certificate came out of it.
    return items.length > 0 ? items : [{ type: 'skipped', reason: EMPTY_REASON }];
  } catch (error) {
    if (error instanceof DerError) return [{ type: 'skipped', reason: `damaged PKCS#12: ${error.message}` }];
    throw error;
  }
}

function read(bytes: Buffer, candidates: string[]): Pkcs12Item[] {
  const pfx = expectElement(bytes, 0, bytes.length, TAG.sequence, 'the PFX SEQUENCE');
  const version = expectElement(bytes, pfx.valueStart, pfx.end, TAG.integer, 'the PFX version');
  if (readSmallInteger(bytes, version) !== 3)
    return [{ type: 'skipped', reason: 'a PKCS#12 version other than 3' }];
  const authSafe = expectElement(bytes, version.end, pfx.end, TAG.sequence, 'the authSafe ContentInfo');
  const authType = expectElement(
    bytes,
    authSafe.valueStart,
    authSafe.end,
    TAG.oid,
    'the authSafe content type',
  );
  if (readOid(bytes, authType) !== OID_DATA) {
    return [
      {
        type: 'skipped',
        reason: 'a PKCS#12 file in public-key integrity mode, which the scanner does not read',
      },
    ];
  }
  const authData = octets(bytes, contentOf(bytes, authType.end, authSafe.end));
  const mac = authSafe.end < pfx.end ? readElement(bytes, authSafe.end, pfx.end) : undefined;

  const plain: Element[] = [];
  const encrypted: EncryptedPart[] = [];
  const items: Pkcs12Item[] = [];
  const list = expectElement(authData, 0, authData.length, TAG.sequence, 'the AuthenticatedSafe');
  for (let offset = list.valueStart; offset < list.end;) {
    const info = expectElement(authData, offset, list.end, TAG.sequence, 'a ContentInfo');
    const typeElement = expectElement(authData, info.valueStart, info.end, TAG.oid, 'a content type');
    const type = readOid(authData, typeElement);
    const content = contentOf(authData, typeElement.end, info.end);
    if (type === OID_DATA) plain.push(content);
    else if (type === OID_ENCRYPTED_DATA) encrypted.push(encryptedPart(authData, content));
    else if (type === OID_ENVELOPED_DATA) {
      items.push({
        type: 'skipped',
        reason: 'a public-key encrypted part of a PKCS#12 file, which is not read',
      });
    } else items.push({ type: 'skipped', reason: `an unknown PKCS#12 part (${type})` });
    offset = info.end;
  }
  for (const content of plain) {
    const safe = octets(authData, content);
    items.push(...safeContents(safe, 0));
  }
  if (encrypted.length === 0) return items;

  const modern = encrypted.filter((part) => !part.algorithm.startsWith(LEGACY_PBE));
  if (modern.length < encrypted.length) items.push({ type: 'skipped', reason: LEGACY_REASON });
  if (modern.length === 0) return items;
  // With a MAC we know the password before decrypting; without one (or with a MAC we cannot
  // compute, such as PBMAC1) each candidate is tried on the data itself.
  const checked = mac ? macPassword(bytes, mac, authData, candidates) : UNCHECKED;
  const tryList = checked === UNCHECKED ? candidates : checked === undefined ? [] : [checked];
  for (const part of modern) {
    const opened = open(part, tryList);
    if (opened === undefined) items.push({ type: 'skipped', reason: PASSWORD_REASON });
    else items.push(...safeContents(opened, 0));
  }
  return items;
}

const UNCHECKED = Symbol('mac not checked');

/**
 * The password whose integrity MAC matches, undefined when none does, or UNCHECKED when the
 * MAC uses a digest we do not compute. A wrong password fails here cheaply.
 */
function macPassword(
  bytes: Buffer,
  mac: Element,
  authData: Buffer,
  candidates: string[],
): string | undefined | typeof UNCHECKED {
  const digestInfo = expectElement(bytes, mac.valueStart, mac.end, TAG.sequence, 'the MAC DigestInfo');
  const algorithm = expectElement(
    bytes,
    digestInfo.valueStart,
    digestInfo.end,
    TAG.sequence,
    'the MAC algorithm',
  );
  const digestOid = readOid(
    bytes,
    expectElement(bytes, algorithm.valueStart, algorithm.end, TAG.oid, 'the MAC digest'),
  );
  const digest = expectElement(bytes, algorithm.end, digestInfo.end, TAG.octetString, 'the MAC value');
  const salt = expectElement(bytes, digestInfo.end, mac.end, TAG.octetString, 'the MAC salt');
  const iterations =
    salt.end < mac.end
      ? readSmallInteger(bytes, expectElement(bytes, salt.end, mac.end, TAG.integer, 'the MAC iterations'))
      : 1;
  // OpenSSL writes 2048; a huge count in a hostile file would only burn CPU.
  if (iterations > MAX_MAC_ITERATIONS) throw new DerError(`implausible MAC iteration count ${iterations}`);
  for (const candidate of candidates) {
    try {
      checkMac(
        digestOid,
        bytes.subarray(digest.valueStart, digest.end),
        bytes.subarray(salt.valueStart, salt.end),
        iterations,
        authData,
        candidate,
      );
      return candidate;
    } catch (error) {
      if (!(error instanceof Pkcs12Error)) throw error;
      if (error.message.startsWith('unsupported')) return UNCHECKED;
    }
  }
  return undefined;
}

function open(part: EncryptedPart, passwords: string[]): Buffer | undefined {
  for (const password of passwords) {
    try {
      const plain = decryptPbes2(part.algorithm, part.parameters, part.data, password);
      // Without a MAC a wrong password can still unpad by chance; the result must look like SafeContents.
      const element = readElement(plain, 0, plain.length);
      if (element.tag === TAG.sequence && element.end === plain.length) return plain;
    } catch (error) {
      if (!(error instanceof Pkcs12Error) && !(error instanceof DerError)) throw error;
    }
  }
  return undefined;
}

/** EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { type, algorithm, [0] IMPLICIT data } } */
function encryptedPart(bytes: Buffer, content: Element): EncryptedPart {
  const encryptedData = expectElement(
    bytes,
    content.valueStart,
    content.end,
    TAG.sequence,
    'the EncryptedData',
  );
  const version = expectElement(
    bytes,
    encryptedData.valueStart,
    encryptedData.end,
    TAG.integer,
    'its version',
  );
  const info = expectElement(bytes, version.end, encryptedData.end, TAG.sequence, 'the EncryptedContentInfo');
  const type = expectElement(bytes, info.valueStart, info.end, TAG.oid, 'the encrypted content type');
  const algorithm = expectElement(bytes, type.end, info.end, TAG.sequence, 'the encryption algorithm');
  const algorithmOid = expectElement(
    bytes,
    algorithm.valueStart,
    algorithm.end,
    TAG.oid,
    'the encryption OID',
  );
  const parameters = bytes.subarray(algorithmOid.end, algorithm.end);
  const data = readElement(bytes, algorithm.end, info.end);
  let cipherText: Buffer;
  if (data.tag === 0x80) cipherText = bytes.subarray(data.valueStart, data.end);
  else if (data.tag === 0xa0) {
    const parts: Buffer[] = [];
    for (let offset = data.valueStart; offset < data.end;) {
      const piece = expectElement(bytes, offset, data.end, TAG.octetString, 'an encrypted content piece');
      parts.push(bytes.subarray(piece.valueStart, piece.end));
      offset = piece.end;
    }
    cipherText = Buffer.concat(parts);
  } else throw new DerError(`expected the encrypted content at byte ${data.start}`);
  return { algorithm: readOid(bytes, algorithmOid), parameters, data: cipherText };
}

function safeContents(bytes: Buffer, depth: number): Pkcs12Item[] {
  if (depth > MAX_NESTING) return [{ type: 'skipped', reason: 'PKCS#12 safe contents nested too deeply' }];
  const items: Pkcs12Item[] = [];
  const list = expectElement(bytes, 0, bytes.length, TAG.sequence, 'the SafeContents');
  for (let offset = list.valueStart; offset < list.end;) {
    const bag = expectElement(bytes, offset, list.end, TAG.sequence, 'a SafeBag');
    const id = readOid(bytes, expectElement(bytes, bag.valueStart, bag.end, TAG.oid, 'the bag type'));
    const wrapper = expectElement(
      bytes,
      readElement(bytes, bag.valueStart, bag.end).end,
      bag.end,
      0xa0,
      'the bag value',
    );
    if (id === KEY_BAG) {
      items.push({
        type: 'private-key',
        message: 'the PKCS#12 file holds an unencrypted private key (key bag)',
      });
    } else if (id === SHROUDED_KEY_BAG) {
      items.push({ type: 'private-key', message: 'the PKCS#12 file holds a password-encrypted private key' });
    } else if (id === CERT_BAG) {
      const certBag = expectElement(bytes, wrapper.valueStart, wrapper.end, TAG.sequence, 'the CertBag');
      const certId = expectElement(bytes, certBag.valueStart, certBag.end, TAG.oid, 'the certificate type');
      if (readOid(bytes, certId) === X509_CERTIFICATE) {
        const value = expectElement(bytes, certId.end, certBag.end, 0xa0, 'the certificate value');
        const octetString = expectElement(
          bytes,
          value.valueStart,
          value.end,
          TAG.octetString,
          'the certificate DER',
        );
        items.push({ type: 'certificate', der: bytes.subarray(octetString.valueStart, octetString.end) });
      } else {
        items.push({ type: 'skipped', reason: 'a non-X.509 certificate in a PKCS#12 file' });
      }
    } else if (id === CRL_BAG) {
      items.push({ type: 'skipped', reason: 'a CRL, not a certificate' });
    } else if (id === SAFE_CONTENTS_BAG) {
      const nested = readElement(bytes, wrapper.valueStart, wrapper.end);
      items.push(...safeContents(bytes.subarray(nested.start, nested.end), depth + 1));
    } else if (id !== SECRET_BAG) {
      // Secret bags carry no certificate; an unknown bag type is named so a damaged file is noticed.
      items.push({ type: 'skipped', reason: `an unknown PKCS#12 bag type (${id})` });
    }
    offset = bag.end;
  }
  return items;
}

/** `content [0] EXPLICIT` of a ContentInfo. */
function contentOf(bytes: Buffer, offset: number, end: number): Element {
  return expectElement(bytes, offset, end, 0xa0, 'the [0] content');
}

/** The OCTET STRING inside a [0] content, as its own buffer of DER. */
function octets(bytes: Buffer, content: Element): Buffer {
  const octetString = readElement(bytes, content.valueStart, content.end);
  if (octetString.tag === 0x24) throw new DerError('a BER constructed OCTET STRING, which is not DER');
  if (octetString.tag !== TAG.octetString)
    throw new DerError(`expected an OCTET STRING at byte ${octetString.start}`);
  return bytes.subarray(octetString.valueStart, octetString.end);
}
