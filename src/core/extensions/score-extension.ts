import type { Assessment } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { Model, ModuleId } from '../model/model.types.js';
import { toLevelValue, weightedAverage } from '../scoring/level-value.js';
import { scoreCategory } from '../scoring/score-category.js';
import type { LevelValue } from '../scoring/score.types.js';
import { applyOverlay, type Extension } from './extension.types.js';

export interface ExtensionCategoryScore {
  key: string;
  /** Category level with the extension's requirement overlays (the baseline level when it has none). */
  overlaid: number | null;
  /** Relevance self-rating 1..5, null when unrated or marked not applicable. */
  relevance: number | null;
  relevanceWeight: number;
  /** Blend of the two; null when the core category is N/A or not assessed. */
  blended: number | null;
  /** Category weight after the extension's category overlay. */
  weight: number;
}

export interface ExtensionScore {
  extension: { id: string; version: string };
  /** Σ(blend·W′)/ΣW′ over blended categories. */
  score: LevelValue;
  /** min blend, when the extension asks for a floor score. */
  floor: LevelValue | null;
  /** The baseline category levels re-weighted with the category overlays. */
  weighted: LevelValue;
  modules: { id: ModuleId; score: LevelValue }[];
  categories: ExtensionCategoryScore[];
}

/**
 * Scores one extension on top of an assessment. Non-destructive: the baseline report is
 * computed separately and never sees overlays. Only this extension's own overlays apply;
 * overlays of several extensions are never stacked.
 */
export function scoreExtension(model: Model, assessment: Assessment, extension: Extension): ExtensionScore {
  const { categories } = indexModel(model);
  const weightOf = (key: string, weight: number) => applyOverlay(weight, extension.requirementOverlays[key]);
  const rows = categories.map((category) => {
    const baseline = scoreCategory(model, assessment, category);
    const overlaid = scoreCategory(model, assessment, category, weightOf);
    const criterion = extension.relevance.find((item) => item.categoryKey === category.key);
    const answer = assessment.relevance[`${extension.id}.${category.key}`];
    const relevance =
      answer && answer.applicability !== 'not-applicable' && answer.level > 0 ? answer.level : null;
    // A self-rated category carries the overlaid weight of all its requirements into the blend.
    const weightSum =
      overlaid.source === 'self'
        ? category.requirements.reduce(
            (sum, requirement) => sum + weightOf(requirement.key, requirement.weight),
            0,
          )
        : overlaid.weightSum;
    const relevanceWeight = criterion?.weight ?? 0;
    let blended: number | null = overlaid.raw;
    if (blended !== null && relevance !== null && relevanceWeight > 0 && weightSum + relevanceWeight > 0) {
      blended = (blended * weightSum + relevance * relevanceWeight) / (weightSum + relevanceWeight);
    }
    const row: ExtensionCategoryScore = {
      key: category.key,
      overlaid: overlaid.raw,
      relevance,
      relevanceWeight,
      blended,
      weight: applyOverlay(category.weight, extension.categoryOverlays[category.key]),
    };
    return { row, moduleId: category.moduleId, baseline: baseline.raw };
  });
  const score = weightedAverage(
    rows,
    (r) => r.row.blended,
    (r) => r.row.weight,
  ).raw;
  const weighted = weightedAverage(
    rows,
    (r) => r.baseline,
    (r) => r.row.weight,
  ).raw;
  const blends = rows
    .map((r) => r.row.blended)
    .filter((value): value is number => value !== null && value > 0);
  return {
    extension: { id: extension.id, version: extension.version },
    score: toLevelValue(model, score),
    floor: extension.floorScore ? toLevelValue(model, blends.length > 0 ? Math.min(...blends) : null) : null,
    weighted: toLevelValue(model, weighted),
    modules: model.modules.map((module) => ({
      id: module.id,
      score: toLevelValue(
        model,
        weightedAverage(
          rows.filter((r) => r.moduleId === module.id),
          (r) => r.row.blended,
          (r) => r.row.weight,
        ).raw,
      ),
    })),
    categories: rows.map((r) => r.row),
  };
}
