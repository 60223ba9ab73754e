/**
 * X.501 Names as RFC 4514 strings: the most specific RDN first, multi-valued RDNs joined with
 * `+`, known attributes by their short name and anything else as `dotted.oid=#hex` of the DER
 * value, so an unusual name still round-trips instead of being guessed at.
 */
import { DerError, readElement, readOid, TAG, type Element } from './der.js';
import { ATTRIBUTE_NAMES, COMMON_NAME } from './oids.js';

export interface ParsedName {
  text: string;
  /** The most specific (last encoded) common name, if any. */
  commonName?: string;
}

export function readName(bytes: Buffer, name: Element): ParsedName {
  if (name.tag !== TAG.sequence) throw new DerError(`expected a Name SEQUENCE at byte ${name.start}`);
  const rdns: string[] = [];
  let commonName: string | undefined;
  for (let offset = name.valueStart; offset < name.end;) {
    const rdn = readElement(bytes, offset, name.end);
    if (rdn.tag !== TAG.set) throw new DerError(`expected an RDN SET at byte ${offset}`);
    let text = '';
    for (let inner = rdn.valueStart; inner < rdn.end;) {
      const pair = readElement(bytes, inner, rdn.end);
      if (pair.tag !== TAG.sequence) throw new DerError(`expected an attribute SEQUENCE at byte ${inner}`);
      const type = readElement(bytes, pair.valueStart, pair.end);
      if (type.tag !== TAG.oid) throw new DerError(`expected an attribute type at byte ${pair.valueStart}`);
      const value = readElement(bytes, type.end, pair.end);
      if (value.end !== pair.end)
        throw new DerError(`unexpected data in the attribute at byte ${pair.start}`);
      const oid = readOid(bytes, type);
      const short = ATTRIBUTE_NAMES.get(oid);
      const decoded = short === undefined ? undefined : decodeString(bytes, value);
      const part =
        short !== undefined && decoded !== undefined
          ? `${short}=${escapeValue(decoded)}`
          : `${short ?? oid}=#${bytes.toString('hex', value.start, value.end)}`;
      if (oid === COMMON_NAME && decoded !== undefined) commonName = decoded;
      text = text === '' ? part : `${text}+${part}`;
      inner = pair.end;
    }
    rdns.push(text);
    offset = rdn.end;
  }
  let joined = '';
  for (let i = rdns.length - 1; i >= 0; i -= 1) joined = joined === '' ? rdns[i]! : `${joined},${rdns[i]!}`;
  return commonName === undefined ? { text: joined } : { text: joined, commonName };
}

/** The text of a directory string, or undefined when the value is not one we can decode. */
export function decodeString(bytes: Buffer, value: Element): string | undefined {
  const { valueStart: s, end } = value;
  switch (value.tag) {
    case TAG.utf8String:
      return bytes.toString('utf8', s, end);
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x14: // TeletexString, in practice Latin-1
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return bytes.toString('latin1', s, end);
    case 0x1e: {
      // BMPString: UTF-16 big-endian
      if ((end - s) % 2 !== 0) return undefined;
      let text = '';
      for (let i = s; i < end; i += 2) text += String.fromCharCode(bytes[i]! * 256 + bytes[i + 1]!);
      return text;
    }
    case 0x1c: {
      // UniversalString: UTF-32 big-endian
      if ((end - s) % 4 !== 0) return undefined;
      let text = '';
      for (let i = s; i < end; i += 4) {
        const code = bytes.readUInt32BE(i);
        if (code > 0x10ffff) return undefined;
        text += String.fromCodePoint(code);
      }
      return text;
    }
    default:
      return undefined;
  }
}

const NEEDS_ESCAPE = /[",+;<>\\\0]|^[ #]| $/;

/** RFC 4514 section 2.4 escaping. */
export function escapeValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i]!;
    if (ch === '\0') out += '\\00';
    else if ('",+;<>\\'.includes(ch)) out += `\\${ch}`;
    else if (i === 0 && (ch === ' ' || ch === '#')) out += `\\${ch}`;
    else if (i === value.length - 1 && ch === ' ') out += '\\ ';
    else out += ch;
  }
  return out;
}
