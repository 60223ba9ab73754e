import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Compacted } from '../../core/assessment/compact.js';
import { nonEmpty, type Loose } from './non-empty.js';

/** The assessment details a metadata PATCH may change; null clears an optional one. */
export interface MetadataPatch {
  title?: string | undefined;
  type?: Assessment['type'] | null | undefined;
  organisation?: string | null | undefined;
  assessor?: Loose<NonNullable<Assessment['assessor']>> | null | undefined;
  dates?: Loose<NonNullable<Assessment['dates']>> | null | undefined;
  scope?: Loose<NonNullable<Assessment['scope']>> | null | undefined;
}

export const METADATA_FIELDS = ['title', 'type', 'organisation', 'assessor', 'dates', 'scope'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The fields a patch names, in a fixed order. */
export function patchedFields(patch: MetadataPatch): MetadataField[] {
  return METADATA_FIELDS.filter((field) => patch[field] !== undefined);
}

/**
 * The assessment with the patch applied, as a new object. An object value replaces the whole
 * object (the scope is sent whole, as the form shows it); empty objects and strings clear.
 */
export function applyMetadata(assessment: Assessment, patch: MetadataPatch): Assessment {
  const next = structuredClone(assessment);
  if (patch.title !== undefined) next.title = patch.title;
  setOrClear(next, 'type', patch.type);
  setOrClear(next, 'organisation', patch.organisation === '' ? null : patch.organisation);
  setOrClear(next, 'assessor', cleared(patch.assessor));
  setOrClear(next, 'dates', cleared(patch.dates));
  setOrClear(next, 'scope', cleared(patch.scope));
  return next;
}

type Optional = 'type' | 'organisation' | 'assessor' | 'dates' | 'scope';

function setOrClear<K extends Optional>(
  target: Assessment,
  key: K,
  value: Assessment[K] | null | undefined,
): void {
  if (value === undefined) return;
  if (value === null) delete target[key];
  else target[key] = value;
}

/** undefined: not named; null: clear (also for an object with nothing in it). */
function cleared<T extends object>(
  value: Loose<T> | null | undefined,
): Compacted<Loose<T>> | null | undefined {
  if (value === null || value === undefined) return value;
  return nonEmpty(value) ?? null;
}
