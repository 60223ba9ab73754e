/**
 * Rules speak in 2.0.0 requirement keys. An assessment on another model version receives the
 * suggestion under that version's key, found through the id mapping; a requirement that
 * version does not have (the Cryptography category is new in 2.0.0) gets none.
 */
import type { IdMapping } from '../migration/id-mapping.js';

export const SUGGESTION_MODEL_VERSION = '2.0.0';

export function suggestionKeyFor(
  requirement2: string,
  targetVersion: string,
  mapping?: IdMapping,
): string | undefined {
  if (targetVersion === SUGGESTION_MODEL_VERSION) return requirement2;
  if (mapping === undefined) return undefined;
  // The mapping runs from an older version to a newer one; a suggestion travels it backwards.
  if (mapping.to !== SUGGESTION_MODEL_VERSION || mapping.from !== targetVersion) return undefined;
  return mapping.requirements.find((pair) => pair.to === requirement2)?.from;
}
