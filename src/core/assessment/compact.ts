/** The type of `compact(value)`: the same keys, none holding `undefined`. */
export type Compacted<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * Copies an object without its `undefined` values. zod's optional output types say
 * `T | undefined`, which exactOptionalPropertyTypes keeps apart from an absent key.
 */
export function compact<T extends object>(value: T): Compacted<T> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = entry;
  return out as Compacted<T>;
}

/** `compact`, or undefined when nothing is left (so empty optional objects disappear). */
export function compactOrUndefined<T extends object>(value: T | undefined): Compacted<T> | undefined {
  if (value === undefined) return undefined;
  const out = compact(value);
  return Object.keys(out).length > 0 ? out : undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own, enumerable property even for keys such as `__proto__`, which a plain
 * assignment would treat as the prototype. Keys here come from user files.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
