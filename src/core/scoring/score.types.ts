import type { AssessmentMode } from '../assessment/assessment.types.js';
import type { LevelNumber, ModuleId } from '../model/model.types.js';

/**
 * Where a category's raw level comes from:
 * - `requirements`: weighted average of its rated, in-scope requirements (full mode);
 * - `self`: the self-declared category level (self mode, or the full-mode fallback);
 * - `not-assessed`: applicable, but nothing rated;
 * - `not-applicable`: out of scope (explicitly, through its module, or all requirements N/A).
 */
export type CategorySource = 'requirements' | 'self' | 'not-assessed' | 'not-applicable';

/** A raw value with what is reported for it: the floor, its name and the fractional progress. */
export interface LevelValue {
  /** Full-precision weighted average, null when nothing counted. */
  raw: number | null;
  /** floor(raw), never rounded up; null when raw is null. */
  level: LevelNumber | null;
  levelName: string | null;
  /** raw − floor(raw): how far towards the next level, 0..1; null when raw is null. */
  progress: number | null;
}

export interface RequirementTerm {
  key: string;
  id: string;
  weight: number;
  level: number;
}

export interface CategoryScore extends LevelValue {
  key: string;
  id: string;
  moduleId: ModuleId;
  name: string;
  weight: number;
  source: CategorySource;
  /** Requirements rated 1..5 and in scope (in self mode: 1 if the category level is set). */
  rated: number;
  /** Requirements out of scope (in self mode: 1 if the category is N/A). */
  notApplicable: number;
  /** Requirements in scope but not rated (in self mode: 1 if the category level is not set). */
  notAssessed: number;
  /** rated / (rated + notAssessed), null when nothing is applicable. */
  completeness: number | null;
  /** The terms of the weighted average when `source` is `requirements`. */
  terms: RequirementTerm[];
  /** Σ weight over `terms`. */
  weightSum: number;
}

export interface ModuleScore extends LevelValue {
  id: ModuleId;
  name: string;
  /** Σ category weight over the categories that counted. */
  weightSum: number;
}

export interface OverallScore extends LevelValue {
  weightSum: number;
}

export interface ScoreReport {
  model: { id: string; version: string };
  mode: AssessmentMode;
  overall: OverallScore;
  modules: ModuleScore[];
  categories: CategoryScore[];
  completeness: { rated: number; applicable: number; ratio: number | null };
}
