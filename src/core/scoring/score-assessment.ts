import type { Assessment } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import { toLevelValue, weightedAverage } from './level-value.js';
import { scoreCategory } from './score-category.js';
import type { CategoryScore, ModuleScore, ScoreReport } from './score.types.js';

/**
 * Scores an assessment against its model. Module raw = weighted average of its categories by
 * category weight; overall raw = weighted average of all counted categories by category
 * weight, computed from the categories (not from the modules). Categories without a raw
 * level leave both numerator and denominator.
 */
export function scoreAssessment(model: Model, assessment: Assessment): ScoreReport {
  const { categories: modelCategories } = indexModel(model);
  const categories = modelCategories.map((category) => scoreCategory(model, assessment, category));
  const modules: ModuleScore[] = model.modules.map((module) => {
    const own = categories.filter((category) => category.moduleId === module.id);
    const { raw, weightSum } = weightedAverage(
      own,
      (c) => c.raw,
      (c) => c.weight,
    );
    return { id: module.id, name: module.name, ...toLevelValue(model, raw), weightSum };
  });
  const overall = weightedAverage(
    categories,
    (c) => c.raw,
    (c) => c.weight,
  );
  return {
    model: { id: model.id, version: model.version },
    mode: assessment.mode,
    overall: { ...toLevelValue(model, overall.raw), weightSum: overall.weightSum },
    modules,
    categories,
    completeness: completenessOf(categories),
  };
}

function completenessOf(categories: CategoryScore[]) {
  let rated = 0;
  let applicable = 0;
  for (const category of categories) {
    rated += category.rated;
    applicable += category.rated + category.notAssessed;
  }
  return { rated, applicable, ratio: applicable > 0 ? rated / applicable : null };
}
