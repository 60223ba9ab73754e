/**
 * Just enough DER reading for the few PKCS#12 structures the @peculiar/asn1-* packages do not
 * model (PBES2 parameters, CMS EncryptedData). Definite lengths only, as DER requires.
 */
export interface Tlv {
  tag: number;
  /** The whole element, header included. */
  raw: Buffer;
  value: Buffer;
}

export class DerError extends Error {}

export function readTlv(buffer: Buffer, offset = 0): Tlv {
  const tag = byteAt(buffer, offset);
  let length = byteAt(buffer, offset + 1);
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + byteAt(buffer, offset + 2 + i);
    header += count;
  }
  const end = offset + header + length;
  if (end > buffer.length) throw new DerError('DER element runs past the end of the data');
  return { tag, raw: buffer.subarray(offset, end), value: buffer.subarray(offset + header, end) };
}

/** The elements inside a constructed value (a SEQUENCE's members). */
export function children(value: Buffer): Tlv[] {
  const items: Tlv[] = [];
  for (let offset = 0; offset < value.length;) {
    const item = readTlv(value, offset);
    items.push(item);
    offset += item.raw.length;
  }
  return items;
}

export function readOid(value: Buffer): string {
  const arcs: number[] = [];
  let current = 0;
  for (const byte of value) {
    current = current * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

export function readInteger(value: Buffer): number {
  if (value.length > 6) throw new DerError('integer too large');
  return value.reduce((total, byte) => total * 256 + byte, 0);
}

function byteAt(buffer: Buffer, offset: number): number {
  const byte = buffer[offset];
  if (byte === undefined) throw new DerError('DER data ends early');
  return byte;
}
