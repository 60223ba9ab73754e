import { createHash } from 'node:crypto';

/** pkimm's own namespace for name-based UUIDs (itself a random v4 UUID, fixed forever). */
const NAMESPACE = '0f6f2a52-63d5-4c57-9d8e-3b0b8f4a7c11';

/**
 * An RFC 9562 version-5 UUID of `name`: the same input always gives the same UUID, so an
 * export of an unchanged assessment is byte-for-byte stable, and OSCAL accepts v5 UUIDs.
 */
export function uuidV5(name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
