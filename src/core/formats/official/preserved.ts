/**
 * The `preserved` block of an Assessment that came from an official export:
 * - `official`: top-level values the app wrote that pkimm has no field for, or that pkimm's
 *   writer would not reproduce exactly (workspace, actionPlans, meta, exportedAt, …), verbatim;
 * - `keyOrder`: where the file's key order or key set differs from what the writer produces on
 *   its own, the keys as they were, so a rewrite is byte-identical.
 * The writer reads it defensively: a part that does not have this shape is ignored.
 */
import type { Assessment } from '../../assessment/assessment.types.js';
import { isPlainObject } from '../../assessment/compact.js';

export interface OfficialKeyOrder {
  top?: string[];
  progress?: string[];
  requirementProgress?: string[];
  /** Per `progress` entry (category or relevance key). */
  progressEntries?: Record<string, string[]>;
  /** Per `requirementProgress` entry. */
  requirementEntries?: Record<string, string[]>;
}

export interface OfficialPreserved {
  official: Record<string, unknown>;
  keyOrder: OfficialKeyOrder;
}

export function preservedOf(assessment: Assessment): OfficialPreserved {
  const preserved = assessment.preserved ?? {};
  const official = isPlainObject(preserved['official']) ? preserved['official'] : {};
  const raw = isPlainObject(preserved['keyOrder']) ? preserved['keyOrder'] : {};
  const keyOrder: OfficialKeyOrder = {};
  for (const list of ['top', 'progress', 'requirementProgress'] as const) {
    const value = raw[list];
    if (isStringList(value)) keyOrder[list] = value;
  }
  for (const map of ['progressEntries', 'requirementEntries'] as const) {
    const value = raw[map];
    if (!isPlainObject(value)) continue;
    const entries = Object.entries(value).filter((entry): entry is [string, string[]] =>
      isStringList(entry[1]),
    );
    keyOrder[map] = Object.fromEntries(entries);
  }
  return { official, keyOrder };
}

/** The preserved block to store, or undefined when there is nothing to keep. */
export function buildPreserved(
  official: Record<string, unknown>,
  keyOrder: OfficialKeyOrder,
): Record<string, unknown> | undefined {
  const order = Object.fromEntries(
    Object.entries(keyOrder).filter(([, value]) =>
      Array.isArray(value) ? true : Object.keys(value as object).length > 0,
    ),
  );
  const out: Record<string, unknown> = {};
  if (Object.keys(official).length > 0) out['official'] = official;
  if (Object.keys(order).length > 0) out['keyOrder'] = order;
  return Object.keys(out).length > 0 ? out : undefined;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
