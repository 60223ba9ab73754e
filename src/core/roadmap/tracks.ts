import type { ModuleId } from '../model/model.types.js';

/** Organisational change (Governance, Resources) or operational tooling (Management, Operations). */
export type Track = 'organisational' | 'operational';
export const TRACKS: readonly Track[] = ['organisational', 'operational'];

/** Governance and Resources are organisational; Management and Operations operational. */
export function defaultTrack(moduleId: ModuleId): Track {
  return moduleId === 'G' || moduleId === 'R' ? 'organisational' : 'operational';
}
