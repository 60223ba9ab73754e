/**
 * Where one requirement stands in an assessment, for views that look at requirements one at a
 * time (crosswalks): its own rating, or its category's where the assessment rates by category.
 */
import type { Assessment } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import { isCategoryOutOfScope } from '../scoring/score-category.js';

export type StandingSource = 'requirement' | 'category' | 'not-rated' | 'not-applicable' | 'not-in-model';

export interface Standing {
  /** 1–5, or 0 when not rated, out of scope or missing from the model. */
  level: number;
  source: StandingSource;
}

/**
 * Self mode rates categories, so a requirement stands at its category's level; full mode uses the
 * requirement's own rating, and falls back to the category's self-declared level only when no
 * requirement of the category is rated, which is the rule scoring follows (score-category.ts).
 */
export function requirementStanding(model: Model, assessment: Assessment, key: string): Standing {
  const index = indexModel(model);
  const category = index.categoryOfRequirement.get(key);
  if (!category) return { level: 0, source: 'not-in-model' };
  if (
    isCategoryOutOfScope(assessment, category) ||
    assessment.requirements[key]?.applicability === 'not-applicable'
  )
    return { level: 0, source: 'not-applicable' };
  const own = assessment.mode === 'full' ? (assessment.requirements[key]?.level ?? 0) : 0;
  if (own > 0) return { level: own, source: 'requirement' };
  const categoryLevel = assessment.categories[category.key]?.level ?? 0;
  const anyRated =
    assessment.mode === 'full' &&
    category.requirements.some((r) => (assessment.requirements[r.key]?.level ?? 0) > 0);
  if (categoryLevel > 0 && !anyRated) return { level: categoryLevel, source: 'category' };
  return { level: 0, source: 'not-rated' };
}
