/**
 * Hostile values shared by the fuzz suites: the strings, numbers and shapes that break parsers
 * (prototype keys, NaN-looking text, lone surrogates, huge numbers, deep nesting), a mutation
 * that puts one of them somewhere inside a valid document, and the checks every property ends
 * with (the error is a typed PkimmError, Object.prototype is untouched).
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expect } from 'vitest';
import { PkimmError, type ErrorCode } from '../../../src/core/errors.js';

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    ...PROTOTYPE_KEYS,
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x10',
    'null',
    'undefined',
    'true',
    '2 - Basic',
    '\u0000',
    '\ud800',
    '\u202eevil',
    '😀👍🏽',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE users; --",
    '=HYPERLINK("http://x")',
    '%00',
    '${jndi:x}',
    'a: b\n- c',
    '*alias',
    '!!js/function x',
    'G.strategy-and-vision.sponsor-support',
    'pkimm',
    '2.0.0',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1.5, 6, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value nested `depth` levels deep in arrays or objects. */
export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 20, max: 400 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { a: value };
    return value;
  });

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }),
  fc.jsonValue({ maxDepth: 3 }),
  deepValue,
  fc.dictionary(fc.constantFrom(...PROTOTYPE_KEYS, 'a', 'level'), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 3,
  }),
);

type Path = (string | number)[];

/** Every path to a value inside the document, the root included. */
export function paths(value: unknown, at: Path = [], limit = 2000): Path[] {
  const out: Path[] = [at];
  const walk = (node: unknown, where: Path) => {
    if (out.length >= limit) return;
    const entries = Array.isArray(node)
      ? node.map((item, i): [string | number, unknown] => [i, item])
      : typeof node === 'object' && node !== null
        ? Object.entries(node)
        : [];
    for (const [key, item] of entries) {
      out.push([...where, key]);
      walk(item, [...where, key]);
    }
  };
  walk(value, at);
  return out;
}

export interface Mutation {
  pick: number;
  kind: 'replace' | 'delete' | 'duplicate' | 'rename' | 'retype';
  value: unknown;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'duplicate', 'rename', 'retype'),
  value: hostileValue,
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'id', 'level', 'x'), fc.string({ maxLength: 6 })),
});

/**
 * Applies one mutation to a copy of `document` at a path chosen by `pick`: replace the value,
 * delete it, duplicate it under another key (or append it again to an array), rename its key,
 * or change its type (a number becomes a string of itself, a string a number, a list a map).
 * Keys are set with defineProperty so "__proto__" becomes an own key, as a parser makes it.
 */
export function mutate(document: unknown, m: Mutation): unknown {
  const all = paths(document);
  const path = all[m.pick % all.length] ?? [];
  const retyped = (value: unknown): unknown =>
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? Number(value.length)
        : Array.isArray(value)
          ? Object.fromEntries(value.map((v, i) => [String(i), v]))
          : value === null || typeof value !== 'object'
            ? [value]
            : Object.values(value);
  if (path.length === 0) return m.kind === 'retype' ? retyped(document) : m.value;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const set = (key: string | number, value: unknown) =>
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.push(structuredClone(parent[last]));
    else set(m.key, structuredClone(parent[last]));
  } else if (m.kind === 'rename' && !Array.isArray(parent)) {
    const value = parent[last];
    delete parent[last];
    set(m.key, value);
  } else if (m.kind === 'retype') set(last, retyped(parent[last]));
  else set(last, m.value);
  return copy;
}

/** Applies a list of mutations in turn. */
export function mutateAll(document: unknown, mutations: readonly Mutation[]): unknown {
  return mutations.reduce((current, m) => mutate(current, m), document);
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** Fails when something has added to (polluted) Object.prototype. */
export function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/**
 * The only acceptable failure: a PkimmError with one of `codes`, a message that says something,
 * and issues that each name a path string and a message. Anything else is rethrown so fast-check
 * reports the input that caused it.
 */
export function expectPkimmError(error: unknown, codes: readonly ErrorCode[]): PkimmError {
  if (!(error instanceof PkimmError)) throw error;
  expect(codes).toContain(error.code);
  expect(error.message.trim()).not.toBe('');
  for (const issue of error.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.trim()).not.toBe('');
  }
  return error;
}

/** Runs `task`, failing when it takes longer than `ms` (a hang or a blow-up on one case). */
export async function withinTime<T>(ms: number, what: string, task: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await task();
  const took = performance.now() - started;
  if (took > ms) throw new Error(`${what} took ${Math.round(took)} ms, the limit is ${ms} ms`);
  return result;
}

/** Runs per property times PKIMM_FUZZ_SCALE (default 1), for a deeper hunt on a quiet machine. */
export function runs(base: number): number {
  const scale = Number(process.env['PKIMM_FUZZ_SCALE'] ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * Deep equality as Node defines it. vitest's toStrictEqual compares `a.constructor` as a type
 * check, so two equal documents with a category keyed "constructor" would differ; Node looks at
 * the prototypes instead.
 */
export function expectSameData(actual: unknown, expected: unknown, what = 'the data read back'): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, `${what} differs`).toStrictEqual(expected);
}
