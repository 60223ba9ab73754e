import type { Assessment } from '../../assessment/assessment.types.js';
import type { Model } from '../../model/model.types.js';
import { isCategoryOutOfScope } from '../../scoring/score-category.js';
import { DEFAULT_REVIEW_STATUS, type ReviewStatus } from './workflow.types.js';

export interface EvidenceGap {
  key: string;
  level: number;
  status: ReviewStatus;
}

/**
 * The rated, in-scope requirements at or above `fromLevel` whose evidence has not been
 * reviewed as supporting the rating, in model order. A claim of a high level is only as good
 * as the evidence behind it, so sign-off (lane H6) refuses while this list is not empty.
 * Unrated (0) and out-of-scope requirements claim nothing and are never gaps.
 */
export function evidenceGaps(
  assessment: Assessment,
  model: Model,
  reviews: ReadonlyMap<string, ReviewStatus>,
  fromLevel: number,
): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  for (const module of model.modules) {
    for (const category of module.categories) {
      if (isCategoryOutOfScope(assessment, category)) continue;
      for (const requirement of category.requirements) {
        const answer = assessment.requirements[requirement.key];
        if (!answer || answer.applicability === 'not-applicable') continue;
        if (answer.level < 1 || answer.level < fromLevel) continue;
        const status = reviews.get(requirement.key) ?? DEFAULT_REVIEW_STATUS;
        if (status !== 'reviewed-supports') gaps.push({ key: requirement.key, level: answer.level, status });
      }
    }
  }
  return gaps;
}
