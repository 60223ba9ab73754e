import type { Assessment, Rating } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import { scoreAssessment } from './score-assessment.js';
import type { ScoreReport } from './score.types.js';

export interface GapStep {
  requirementKey: string;
  requirementId: string;
  name: string;
  weight: number;
  from: number;
  to: number;
  /** The category and overall raw levels once this one requirement is raised by one level. */
  categoryRawAfter: number;
  overallRawAfter: number;
  categoryGain: number;
  overallGain: number;
}

export interface CategoryGap {
  key: string;
  id: string;
  name: string;
  raw: number;
  level: number;
  nextLevel: number;
  nextLevelName: string;
  /** What the category ladder says the next level looks like. */
  nextLevelDescription: string;
  /** How much the raw level must still rise to reach the next level. */
  rawNeeded: number;
  /** Rated requirements at or below the current level, the ones holding the category back, best gain first. */
  limiting: GapStep[];
}

/**
 * For each rated category below level 5: what the next level needs, which requirements limit
 * it, and what raising each of them by one level would do to the category and overall raw levels.
 */
export function analyseGaps(
  model: Model,
  assessment: Assessment,
  report = scoreAssessment(model, assessment),
): CategoryGap[] {
  const index = indexModel(model);
  const gaps: CategoryGap[] = [];
  for (const category of report.categories) {
    if (category.raw === null || category.level === null || category.level >= 5) continue;
    const modelCategory = index.categoryByKey.get(category.key);
    if (!modelCategory) continue;
    const nextLevel = category.level + 1;
    const limiting = category.terms
      .filter((term) => term.level <= category.level!)
      .map((term) => raiseOne(model, assessment, report, category.key, term.key));
    limiting.sort((a, b) => b.overallGain - a.overallGain || b.categoryGain - a.categoryGain);
    gaps.push({
      key: category.key,
      id: category.id,
      name: category.name,
      raw: category.raw,
      level: category.level,
      nextLevel,
      nextLevelName: model.levels.find((l) => l.number === nextLevel)?.name ?? String(nextLevel),
      nextLevelDescription: modelCategory.levels.find((l) => l.number === nextLevel)?.description ?? '',
      rawNeeded: nextLevel - category.raw,
      limiting,
    });
  }
  return gaps;
}

function raiseOne(
  model: Model,
  assessment: Assessment,
  report: ScoreReport,
  categoryKey: string,
  key: string,
): GapStep {
  const answer = assessment.requirements[key]!;
  const to = Math.min(5, answer.level + 1) as Rating;
  const changed: Assessment = {
    ...assessment,
    requirements: { ...assessment.requirements, [key]: { ...answer, level: to } },
  };
  const after = scoreAssessment(model, changed);
  const categoryBefore = report.categories.find((c) => c.key === categoryKey)!;
  const categoryAfter = after.categories.find((c) => c.key === categoryKey)!;
  const term = categoryBefore.terms.find((t) => t.key === key)!;
  const requirement = indexModel(model).requirementByKey.get(key);
  return {
    requirementKey: key,
    requirementId: term.id,
    name: requirement?.name ?? term.id,
    weight: term.weight,
    from: answer.level,
    to,
    categoryRawAfter: categoryAfter.raw ?? 0,
    overallRawAfter: after.overall.raw ?? 0,
    categoryGain: (categoryAfter.raw ?? 0) - (categoryBefore.raw ?? 0),
    overallGain: (after.overall.raw ?? 0) - (report.overall.raw ?? 0),
  };
}
