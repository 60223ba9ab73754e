/**
 * The certificates of a CMS / PKCS#7 SignedData (`.p7b`, `.p7c`, a PEM "PKCS7" block): the
 * `certificates [0] IMPLICIT SET` of RFC 5652, signatures ignored.
 */
import { DerError, expectElement, readElement, readOid, TAG } from '../../x509/der.js';
import { OID_SIGNED_DATA } from './der-kind.js';

export type BundleItem = { type: 'certificate'; der: Uint8Array } | { type: 'skipped'; reason: string };

export function pkcs7Certificates(bytes: Uint8Array): BundleItem[] {
  try {
    const info = expectElement(bytes, 0, bytes.length, TAG.sequence, 'the ContentInfo SEQUENCE');
    const type = expectElement(bytes, info.valueStart, info.end, TAG.oid, 'the content type');
    if (readOid(bytes, type) !== OID_SIGNED_DATA) {
      return [
        { type: 'skipped', reason: 'a PKCS#7 file that is not SignedData, so it carries no certificates' },
      ];
    }
    const wrapper = expectElement(bytes, type.end, info.end, 0xa0, 'the [0] content');
    const signed = expectElement(
      bytes,
      wrapper.valueStart,
      wrapper.end,
      TAG.sequence,
      'the SignedData SEQUENCE',
    );
    const items: BundleItem[] = [];
    for (let offset = signed.valueStart; offset < signed.end;) {
      const field = readElement(bytes, offset, signed.end);
      if (field.tag === 0xa0) {
        for (let inner = field.valueStart; inner < field.end;) {
          const choice = readElement(bytes, inner, field.end);
          items.push(
            choice.tag === TAG.sequence
              ? { type: 'certificate', der: bytes.subarray(choice.start, choice.end) }
              : { type: 'skipped', reason: 'an attribute or other non-X.509 certificate in a PKCS#7 bundle' },
          );
          inner = choice.end;
        }
      }
      offset = field.end;
    }
    if (items.length === 0) return [{ type: 'skipped', reason: 'a PKCS#7 bundle with no certificates' }];
    return items;
  } catch (error) {
    if (error instanceof DerError) return [{ type: 'skipped', reason: `damaged PKCS#7: ${error.message}` }];
    throw error;
  }
}
