/**
 * A model extension (e.g. PQC readiness) as the scoring engine needs it: relevance
 * criteria rated per category, and weight overlays on categories and requirements.
 * Keys follow the model: categories `G.cryptography`, requirements `G.cryptography.crypto-agility`.
 */
import type { CategoryLevel, ModuleId } from '../model/model.types.js';

export type OverlayType = 'multiplier' | 'addition' | 'override';

export interface Overlay {
  type: OverlayType;
  value: number;
  rationale?: string;
}

export interface RelevanceCriterion {
  moduleId: ModuleId;
  categoryId: string;
  /** `{module}.{category}` of the core category it belongs to. */
  categoryKey: string;
  weight: number;
  guidance: string;
  assessment: string;
  references: string[];
  levels: CategoryLevel[];
}

export interface Extension {
  id: string;
  name: string;
  version: string;
  description: string;
  documentation?: string;
  /** Model versions it applies to. */
  compatibility: string[];
  floorScore: boolean;
  relevance: RelevanceCriterion[];
  categoryOverlays: Record<string, Overlay>;
  requirementOverlays: Record<string, Overlay>;
}

/** The effective weight after an overlay; never negative. */
export function applyOverlay(weight: number, overlay: Overlay | undefined): number {
  if (!overlay) return weight;
  const value =
    overlay.type === 'multiplier'
      ? weight * overlay.value
      : overlay.type === 'addition'
        ? weight + overlay.value
        : overlay.value;
  return Math.max(0, value);
}
