import { PkimmError } from '../errors.js';

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one byte sequence a JSON value has, so a
 * signature over it can be checked by anyone who re-canonicalises the same data.
 * - object keys sorted by their UTF-16 code units (what `Array.prototype.sort` does on strings);
 * - numbers as ECMAScript's Number-to-String (what `JSON.stringify` does for finite numbers);
 * - strings with `JSON.stringify`'s escaping;
 * - no whitespace.
 * Values JSON cannot carry (NaN, ±Infinity, undefined, functions, symbols, bigints, lone
 * surrogates, objects that are not plain) are refused rather than silently dropped.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `${String(value)} is not a JSON number`);
      // JSON.stringify(-0) is "0", as RFC 8785 asks.
      return JSON.stringify(value);
    case 'string':
      return writeString(value, path);
    case 'object':
      return writeContainer(value, path, seen);
    default:
      return refuse(path, `a ${typeof value} is not a JSON value`);
  }
}

/** In `u` mode a valid pair is one code point, so only an unpaired surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

function writeString(value: string, path: string): string {
  // I-JSON (which RFC 8785 requires) has no lone surrogates; JSON.stringify would escape them instead.
  if (LONE_SURROGATE.test(value)) refuse(path, 'the string contains a lone UTF-16 surrogate');
  return JSON.stringify(value);
}

function writeContainer(value: object, path: string, seen: Set<object>): string {
  if (seen.has(value)) refuse(path, 'the value contains itself');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item, index) => write(item, `${path}[${index}]`, seen)).join(',')}]`;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      refuse(path, 'only plain objects and arrays are JSON containers');
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map(
        (key) =>
          `${writeString(key, path)}:${write(record[key], path === '' ? key : `${path}.${key}`, seen)}`,
      );
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}

function refuse(path: string, message: string): never {
  throw new PkimmError(
    'VALIDATION_FAILED',
    `cannot canonicalise ${path === '' ? 'the value' : path}: ${message}`,
    {
      issues: [{ path, message }],
    },
  );
}
