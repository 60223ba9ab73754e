import type { AssessmentType } from '../assessment/assessment.types.js';
import type { ScoreReport } from '../scoring/score.types.js';
import { PROFILE_FIELDS, type Profile } from './profiles.js';

/** A category's raw level, or `n/a` when it has none (not applicable or not rated). */
export type BenchmarkLevel = number | 'n/a';

/**
 * Exactly what goes into a pool: no names, no free text, no evidence, and no time finer than
 * the quarter. The preview shows this object and the store keeps it field by field.
 */
export interface BenchmarkPayload {
  modelVersion: string;
  type: AssessmentType;
  quarter: string;
  profile: Profile;
  levels: Record<string, BenchmarkLevel>;
}

/** `2026-Q4` for any moment in October to December 2026 (UTC). */
export function quarterOf(at: Date): string {
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

export function buildPayload(
  score: ScoreReport,
  type: AssessmentType,
  profile: Profile,
  at: Date,
): BenchmarkPayload {
  const levels: Record<string, BenchmarkLevel> = {};
  for (const category of score.categories) levels[category.key] = category.raw ?? 'n/a';
  // Copy only the known fields so nothing extra a caller put into the profile object slips in.
  const clean = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, profile[field]])) as Profile;
  return { modelVersion: score.model.version, type, quarter: quarterOf(at), profile: clean, levels };
}

/**
 * The benchmark's overall value of one submission: the plain mean of its rated categories.
 * Computed the same way for the pool and for the user, so the two always compare.
 */
export function overallOf(levels: Record<string, BenchmarkLevel>): number | null {
  const values = Object.values(levels).filter((v): v is number => typeof v === 'number');
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
