import type { Assessment, RequirementAnswer } from '../assessment/assessment.types.js';
import type { Category, Model } from '../model/model.types.js';
import { toLevelValue } from './level-value.js';
import type { CategoryScore, CategorySource, RequirementTerm } from './score.types.js';

/** Requirement weights by key; the baseline uses the model's, an extension its overlaid ones. */
export type WeightOf = (requirementKey: string, modelWeight: number) => number;
const modelWeight: WeightOf = (_key, weight) => weight;

function isRequirementOut(answer: RequirementAnswer | undefined): boolean {
  return answer?.applicability === 'not-applicable';
}

/** True when the category is out of scope: explicitly, through its module, or because every requirement is. */
export function isCategoryOutOfScope(assessment: Assessment, category: Category): boolean {
  if (assessment.modules[category.moduleId]?.applicability === 'not-applicable') return true;
  if (assessment.categories[category.key]?.applicability === 'not-applicable') return true;
  return (
    category.requirements.length > 0 &&
    category.requirements.every((requirement) => isRequirementOut(assessment.requirements[requirement.key]))
  );
}

/**
 * Scores one category, following the official app's order of rules:
 * N/A wins; then in full mode the weighted average of the rated in-scope requirements
 * (unrated ones carry no weight, they are not counted as 0); with none rated, the
 * self-declared category level; otherwise not assessed.
 */
export function scoreCategory(
  model: Model,
  assessment: Assessment,
  category: Category,
  weightOf: WeightOf = modelWeight,
): CategoryScore {
  const answer = assessment.categories[category.key];
  const selfLevel = answer?.level ?? 0;
  const outOfScope = isCategoryOutOfScope(assessment, category);
  const terms: RequirementTerm[] = [];
  let notApplicable = 0;
  let notAssessed = 0;
  let weighted = 0;
  let weightSum = 0;
  for (const requirement of category.requirements) {
    const given = assessment.requirements[requirement.key];
    if (outOfScope || isRequirementOut(given)) notApplicable += 1;
    else if (!given || given.level === 0) notAssessed += 1;
    else {
      const weight = weightOf(requirement.key, requirement.weight);
      terms.push({ key: requirement.key, id: requirement.id, weight, level: given.level });
      weighted += given.level * weight;
      weightSum += weight;
    }
  }
  let source: CategorySource;
  let raw: number | null = null;
  if (outOfScope) source = 'not-applicable';
  else if (assessment.mode === 'full' && terms.length > 0) {
    // Rated requirements whose overlaid weights are all 0 leave the category unassessed (as the
    // official app does), rather than falling back to the self-declared level.
    source = weightSum > 0 ? 'requirements' : 'not-assessed';
    raw = weightSum > 0 ? weighted / weightSum : null;
  } else if (selfLevel > 0) {
    source = 'self';
    raw = selfLevel;
  } else source = 'not-assessed';

  const counts =
    assessment.mode === 'self'
      ? {
          rated: source === 'self' ? 1 : 0,
          notApplicable: outOfScope ? 1 : 0,
          notAssessed: source === 'not-assessed' ? 1 : 0,
        }
      : { rated: terms.length, notApplicable, notAssessed };
  const applicable = counts.rated + counts.notAssessed;
  return {
    key: category.key,
    id: category.id,
    moduleId: category.moduleId,
    name: category.name,
    weight: category.weight,
    source,
    ...toLevelValue(model, raw),
    ...counts,
    completeness: applicable > 0 ? counts.rated / applicable : null,
    terms: source === 'requirements' ? terms : [],
    weightSum: source === 'requirements' ? weightSum : 0,
  };
}
