/**
 * What a binary DER file holds, told apart by the shape of its first few elements (files are
 * recognised by content, never by extension).
 */
import { DerError, readElement, readOid, readSmallInteger, TAG, type Element } from '../../x509/der.js';

export type DerKind = 'certificate' | 'pkcs7' | 'pkcs12' | 'private-key' | 'crl' | 'csr' | 'unknown';

export const OID_DATA = '1.2.840.113549.1.7.1';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

/** Up to `max` children of a constructed element; damaged content stops the list early. */
function someChildren(bytes: Uint8Array, parent: Element, max: number): Element[] {
  const items: Element[] = [];
  try {
    for (let offset = parent.valueStart; offset < parent.end && items.length < max;) {
      const item = readElement(bytes, offset, parent.end);
      items.push(item);
      offset = item.end;
    }
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
  }
  return items;
}

function smallInteger(bytes: Uint8Array, element: Element | undefined): number | undefined {
  if (element?.tag !== TAG.integer) return undefined;
  try {
    return readSmallInteger(bytes, element);
  } catch {
    return undefined;
  }
}

function firstOid(bytes: Uint8Array, element: Element | undefined): string | undefined {
  if (element?.tag !== TAG.sequence) return undefined;
  const [first] = someChildren(bytes, element, 1);
  if (first?.tag !== TAG.oid) return undefined;
  try {
    return readOid(bytes, first);
  } catch {
    return undefined;
  }
}

export function classifyDer(bytes: Uint8Array): DerKind {
  let outer: Element;
  try {
    outer = readElement(bytes, 0, bytes.length);
  } catch {
    // A certificate whose outer length is damaged still deserves the parser's exact reason.
    return bytes[0] === TAG.sequence ? 'certificate' : 'unknown';
  }
  if (outer.tag !== TAG.sequence) return 'unknown';
  const [a, b, c] = someChildren(bytes, outer, 4);
  if (a?.tag === TAG.oid && b?.tag === 0xa0) {
    try {
      if (readOid(bytes, a) === OID_SIGNED_DATA) return 'pkcs7';
    } catch {
      return 'unknown';
    }
  }
  const version = smallInteger(bytes, a);
  if (version === 3 && b?.tag === TAG.sequence) {
    const type = firstOid(bytes, b);
    if (type === OID_DATA || type === OID_SIGNED_DATA) return 'pkcs12';
  }
  // PKCS#8 PrivateKeyInfo / OneAsymmetricKey: version, AlgorithmIdentifier, OCTET STRING key.
  if ((version === 0 || version === 1) && b?.tag === TAG.sequence && c?.tag === TAG.octetString)
    return 'private-key';
  // EncryptedPrivateKeyInfo: AlgorithmIdentifier, OCTET STRING.
  if (a?.tag === TAG.sequence && b?.tag === TAG.octetString && c === undefined && firstOid(bytes, a)) {
    return 'private-key';
  }
  // Traditional RSA and DSA keys (a run of INTEGERs), and SEC 1 EC keys.
  if (version === 0 && b?.tag === TAG.integer && c?.tag === TAG.integer) return 'private-key';
  if (version === 1 && b?.tag === TAG.octetString) return 'private-key';
  if (a?.tag === TAG.sequence && b?.tag === TAG.sequence && c?.tag === TAG.bitString) {
    const tbs = someChildren(bytes, a, 4).map((element) => element.tag);
    if (tbs[0] === 0xa0) return 'certificate';
    const isTime = (tag: number | undefined) => tag === TAG.utcTime || tag === TAG.generalizedTime;
    if (isTime(tbs[2]) || isTime(tbs[3])) return 'crl';
    if (tbs[0] === TAG.integer && tbs[1] === TAG.sequence && tbs[2] === TAG.sequence && tbs[3] === 0xa0) {
      return 'csr';
    }
    return 'certificate';
  }
  return 'unknown';
}

/** The end of the first element, for DER followed by other data (OpenSSL's TRUSTED CERTIFICATE). */
export function firstElementEnd(bytes: Uint8Array): number | undefined {
  try {
    return readElement(bytes, 0, bytes.length).end;
  } catch {
    return undefined;
  }
}
