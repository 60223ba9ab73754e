/**
 * A small DER walker for hostile input: it reads one element header at a time from a byte
 * array and checks every length against the end of the enclosing element, so nothing is read
 * past the data and nothing is copied. It never recurses on its own; callers walk only the
 * structures they know, which bounds the depth by construction.
 */

/** Why bytes are not the DER the caller expected; the message says where, in plain words. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  sequence: 0x30,
  set: 0x31,
  utcTime: 0x17,
  generalizedTime: 0x18,
} as const;

/** One element: its first tag byte, where its header starts, where its value starts and ends. */
export interface Element {
  tag: number;
  start: number;
  valueStart: number;
  end: number;
}

/** Reads the element starting at `offset`, which must end at or before `limit`. */
export function readElement(bytes: Uint8Array, offset: number, limit: number): Element {
  if (offset >= limit) throw new DerError(`truncated: an element was expected at byte ${offset}`);
  const tag = bytes[offset]!;
  let pos = offset + 1;
  if ((tag & 0x1f) === 0x1f) {
    // High tag numbers: skip the continuation bytes (nothing we read uses them).
    let count = 0;
    for (;;) {
      if (pos >= limit) throw new DerError(`truncated: the tag at byte ${offset} runs past the end`);
      const byte = bytes[pos++]!;
      count += 1;
      if (count > 4) throw new DerError(`the tag at byte ${offset} is implausibly long`);
      if ((byte & 0x80) === 0) break;
    }
  }
  const lengthAt = pos;
  if (pos >= limit) throw new DerError(`truncated: the length at byte ${lengthAt} is missing`);
  let length = bytes[pos++]!;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError(`indefinite length at byte ${lengthAt} (BER, not DER)`);
    if (count > 4) throw new DerError(`the length at byte ${lengthAt} is implausibly large`);
    if (pos + count > limit)
      throw new DerError(`truncated: the length at byte ${lengthAt} runs past the end`);
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[pos++]!;
  }
  if (length > limit - pos) throw new DerError(`truncated: the length at byte ${lengthAt} runs past the end`);
  return { tag, start: offset, valueStart: pos, end: pos + length };
}

/** Reads an element and insists on its tag; `what` names it in the error. */
export function expectElement(
  bytes: Uint8Array,
  offset: number,
  limit: number,
  tag: number,
  what: string,
): Element {
  const element = readElement(bytes, offset, limit);
  if (element.tag !== tag) {
    throw new DerError(`expected ${what} at byte ${offset}, found tag 0x${hexByte(element.tag)}`);
  }
  return element;
}

/** The elements of a constructed value, in order. */
export function childrenOf(bytes: Uint8Array, parent: Element): Element[] {
  const items: Element[] = [];
  for (let offset = parent.valueStart; offset < parent.end;) {
    const item = readElement(bytes, offset, parent.end);
    items.push(item);
    offset = item.end;
  }
  return items;
}

/** Dotted OBJECT IDENTIFIER text; arcs beyond 2^53 fall back to BigInt so no digit is lost. */
export function readOid(bytes: Uint8Array, element: Element): string {
  const { valueStart: start, end } = element;
  if (start >= end) throw new DerError(`empty OBJECT IDENTIFIER at byte ${element.start}`);
  if (bytes[end - 1]! & 0x80) throw new DerError(`malformed OBJECT IDENTIFIER at byte ${element.start}`);
  let text = '';
  let value = 0;
  let first = true;
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i]!;
    if (value > 2 ** 45) return readOidBig(bytes, start, end);
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (first) {
        text = value < 40 ? `0.${value}` : value < 80 ? `1.${value - 40}` : `2.${value - 80}`;
        first = false;
      } else {
        text += `.${value}`;
      }
      value = 0;
    }
  }
  return text;
}

function readOidBig(bytes: Uint8Array, start: number, end: number): string {
  const arcs: bigint[] = [];
  let value = 0n;
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i]!;
    value = value * 128n + BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0n;
    }
  }
  const head = arcs.shift() ?? 0n;
  const prefix = head < 40n ? `0.${head}` : head < 80n ? `1.${head - 40n}` : `2.${head - 80n}`;
  return [prefix, ...arcs.map(String)].join('.');
}

/** Significant bits of an unsigned big-endian INTEGER value (leading zero bytes ignored). */
export function integerBits(bytes: Uint8Array, element: Element): number {
  let i = element.valueStart;
  while (i < element.end && bytes[i] === 0) i += 1;
  if (i === element.end) return 0;
  return (element.end - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** A small non-negative INTEGER (versions, flags); larger values are reported as damage. */
export function readSmallInteger(bytes: Uint8Array, element: Element): number {
  const length = element.end - element.valueStart;
  if (length < 1 || length > 4) throw new DerError(`unexpected INTEGER at byte ${element.start}`);
  let value = 0;
  for (let i = element.valueStart; i < element.end; i += 1) value = value * 256 + bytes[i]!;
  return value;
}

export function bytesEqual(bytes: Uint8Array, a: Element, b: Element): boolean {
  const length = a.end - a.start;
  if (length !== b.end - b.start) return false;
  for (let i = 0; i < length; i += 1) if (bytes[a.start + i] !== bytes[b.start + i]) return false;
  return true;
}

/** ISO 8601 instant of a UTCTime or GeneralizedTime; seconds and a ±hhmm offset are accepted too. */
export function readTime(bytes: Uint8Array, element: Element): string {
  const { tag, valueStart: s, end } = element;
  if (tag !== TAG.utcTime && tag !== TAG.generalizedTime) {
    throw new DerError(`expected a time at byte ${element.start}, found tag 0x${hexByte(tag)}`);
  }
  const bad = () =>
    new DerError(`malformed ${tag === TAG.utcTime ? 'UTCTime' : 'GeneralizedTime'} at byte ${element.start}`);
  const digits = (at: number, count: number): number => {
    if (at + count > end) throw bad();
    let value = 0;
    for (let i = at; i < at + count; i += 1) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) throw bad();
      value = value * 10 + d;
    }
    return value;
  };
  let pos = s;
  let year: number;
  if (tag === TAG.utcTime) {
    const yy = digits(pos, 2);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    pos += 2;
  } else {
    year = digits(pos, 4);
    pos += 4;
  }
  const month = digits(pos, 2);
  const day = digits(pos + 2, 2);
  const hour = digits(pos + 4, 2);
  const minute = digits(pos + 6, 2);
  pos += 8;
  let second = 0;
  if (pos < end && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39) {
    second = digits(pos, 2);
    pos += 2;
  }
  let millis = 0;
  if (tag === TAG.generalizedTime && pos < end && (bytes[pos] === 0x2e || bytes[pos] === 0x2c)) {
    pos += 1;
    let scale = 100;
    const from = pos;
    while (pos < end && bytes[pos]! >= 0x30 && bytes[pos]! <= 0x39) {
      millis += (bytes[pos]! - 0x30) * scale;
      scale /= 10;
      pos += 1;
    }
    if (pos === from) throw bad();
    millis = Math.floor(millis);
  }
  let offsetMinutes = 0;
  if (pos < end && bytes[pos] === 0x5a) {
    pos += 1;
  } else if (pos < end && (bytes[pos] === 0x2b || bytes[pos] === 0x2d)) {
    const sign = bytes[pos] === 0x2b ? 1 : -1;
    const oh = digits(pos + 1, 2);
    const om = digits(pos + 3, 2);
    if (oh > 23 || om > 59) throw bad();
    offsetMinutes = sign * (oh * 60 + om);
    pos += 5;
  } else {
    throw bad();
  }
  if (pos !== end) throw bad();
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) throw bad();
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, Math.min(second, 59), millis));
  date.setUTCFullYear(year);
  // A day that does not exist in its month (31 April) rolls over; reject it rather than guess.
  if (date.getUTCDate() !== day) throw bad();
  return new Date(date.getTime() - offsetMinutes * 60_000).toISOString();
}

export function hexByte(value: number): string {
  return (value < 16 ? '0' : '') + value.toString(16);
}
