import { compact, type Compacted } from '../../core/assessment/compact.js';

/** A request-shaped object: every field optional and possibly present as undefined (zod's output). */
export type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The object without undefined and empty-string fields, or undefined when nothing is left:
 * a form that sends `""` for an untouched field must not create an empty entry.
 */
export function nonEmpty<T extends object>(value: T | undefined): Compacted<T> | undefined {
  if (value === undefined) return undefined;
  const kept = compact(value) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(kept)) if (entry === '') delete kept[key];
  return Object.keys(kept).length > 0 ? (kept as Compacted<T>) : undefined;
}
