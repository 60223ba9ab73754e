import { isPlainObject } from '../assessment/compact.js';

/**
 * What of an official export's preserved data survives a migration. The recorded key orders of
 * `progress` and `requirementProgress` name old keys, and `sourceStructure` describes the old
 * model, so those go: the writer seeds and orders the new model's entries itself. The rest
 * (workspace, action plans, metadata, top-level order) is unaffected by the ids.
 */
export function migratePreserved(preserved: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...preserved };
  if (isPlainObject(preserved['official'])) {
    const { sourceStructure: _snapshot, ...official } = preserved['official'];
    if (Object.keys(official).length > 0) out['official'] = official;
    else delete out['official'];
  }
  if (isPlainObject(preserved['keyOrder'])) {
    const {
      progress: _p,
      requirementProgress: _r,
      progressEntries: _pe,
      requirementEntries: _re,
      ...keyOrder
    } = preserved['keyOrder'];
    if (Object.keys(keyOrder).length > 0) out['keyOrder'] = keyOrder;
    else delete out['keyOrder'];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
