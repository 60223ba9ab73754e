import type { Assessment } from '../assessment/assessment.types.js';
import { setOwn } from '../assessment/compact.js';
import { indexModel, levelName } from '../model/model-index.js';
import type { LevelNumber, Model } from '../model/model.types.js';
import { scoreAssessment } from '../scoring/score-assessment.js';
import type { CategoryScore, ScoreReport } from '../scoring/score.types.js';
import { defaultTrack, TRACKS, type RoadmapSettings, type Track } from './roadmap-settings.js';
import type { CategoryPlan, NextLevelStatement, Roadmap, RoadmapStep } from './roadmap.types.js';

export interface RoadmapOptions {
  /** Replaces the document's overall target (the CLI's `--target`). */
  overallTarget?: LevelNumber;
}

type Candidate = Omit<RoadmapStep, 'after'> & { order: number };

/**
 * The roadmap of an assessment: for each category below its target (its own, else the overall
 * one), the fewest steps that lift it there, taking the biggest levers first, then all steps
 * ranked by what they add to the overall raw level. Each step carries the category, module and
 * overall levels as scoreAssessment computes them once it and every earlier step are done.
 */
export function buildRoadmap(model: Model, assessment: Assessment, options: RoadmapOptions = {}): Roadmap {
  const settings: RoadmapSettings = assessment.roadmap ?? {};
  const overallTarget = options.overallTarget ?? settings.targets?.overall ?? null;
  const report = scoreAssessment(model, assessment);
  const order = positions(model);
  const candidates: Candidate[] = [];
  const plans: CategoryPlan[] = [];
  for (const category of report.categories) {
    const own = settings.targets?.categories?.[category.key];
    const target = own ?? overallTarget;
    const plan: CategoryPlan = {
      key: category.key,
      name: category.name,
      moduleId: category.moduleId,
      raw: category.raw,
      level: category.level,
      target,
      targetSource: own !== undefined ? 'category' : target !== null ? 'overall' : null,
      status: 'no-target',
      steps: 0,
      rawAfter: category.raw,
    };
    plans.push(plan);
    if (target === null) continue;
    if (category.source === 'not-applicable' || category.source === 'not-assessed') {
      plan.status = 'unreachable';
      plan.reason = category.source;
      continue;
    }
    if ((category.level ?? 0) >= target) {
      plan.status = 'at-target';
      continue;
    }
    const planned = stepsFor(model, category, target, settings, report, order);
    plan.status = 'planned';
    plan.steps = planned.length;
    candidates.push(...planned);
  }
  candidates.sort((a, b) => b.gain - a.gain || a.order - b.order);

  let state = assessment;
  const steps: RoadmapStep[] = [];
  let last = report;
  for (const { order: _order, ...candidate } of candidates) {
    state = applyStep(state, candidate);
    last = scoreAssessment(model, state);
    const category = last.categories.find((c) => c.key === candidate.categoryKey)!;
    const module = last.modules.find((m) => m.id === candidate.moduleId)!;
    steps.push({
      ...candidate,
      after: { category: levelOf(category), module: levelOf(module), overall: levelOf(last.overall) },
    });
  }
  for (const plan of plans) plan.rawAfter = last.categories.find((c) => c.key === plan.key)?.raw ?? null;

  const tracks = Object.fromEntries(TRACKS.map((track) => [track, [] as number[]])) as Record<
    Track,
    number[]
  >;
  steps.forEach((step, i) => tracks[step.track].push(i));
  return {
    targets: { overall: overallTarget, categories: { ...(settings.targets?.categories ?? {}) } },
    before: levelOf(report.overall),
    after: levelOf(last.overall),
    steps,
    tracks,
    categories: plans,
    statements: nextLevelStatements(model, report),
  };
}

/** Applies one step to a copy of the assessment. */
export function applyStep(
  assessment: Assessment,
  step: Pick<RoadmapStep, 'kind' | 'key' | 'to'>,
): Assessment {
  if (step.kind === 'requirement') {
    const requirements = { ...assessment.requirements };
    setOwn(requirements, step.key, {
      applicability: 'applicable',
      ...requirements[step.key],
      level: step.to,
    });
    return { ...assessment, requirements };
  }
  const categories = { ...assessment.categories };
  setOwn(categories, step.key, { applicability: 'applicable', ...categories[step.key], level: step.to });
  return { ...assessment, categories };
}

/** The fewest steps that lift one category to its target: the largest weight × gap first. */
function stepsFor(
  model: Model,
  category: CategoryScore,
  target: LevelNumber,
  settings: RoadmapSettings,
  report: ScoreReport,
  order: Map<string, number>,
): Candidate[] {
  const share = category.weight / report.overall.weightSum;
  const base = {
    categoryKey: category.key,
    categoryName: category.name,
    moduleId: category.moduleId,
    categoryWeight: category.weight,
    to: target,
  };
  if (category.source === 'self') {
    const from = category.raw ?? 0;
    return [
      {
        ...base,
        ...trackOf(settings, category.key, category.key, category.moduleId),
        kind: 'category',
        key: category.key,
        name: category.name,
        weight: 1,
        from,
        gain: share * (target - from),
        order: order.get(category.key) ?? 0,
      },
    ];
  }
  const levers = category.terms
    .filter((term) => term.level < target)
    .map((term) => ({ term, lift: term.weight * (target - term.level) }))
    .sort((a, b) => b.lift - a.lift || (order.get(a.term.key) ?? 0) - (order.get(b.term.key) ?? 0));
  const sum = category.terms.reduce((total, term) => total + term.level * term.weight, 0);
  let lifted = 0;
  const chosen: Candidate[] = [];
  for (const { term, lift } of levers) {
    // Weights and levels are whole numbers, so this comparison is exact.
    if (Math.floor((sum + lifted) / category.weightSum) >= target) break;
    lifted += lift;
    chosen.push({
      ...base,
      ...trackOf(settings, term.key, category.key, category.moduleId),
      kind: 'requirement',
      key: term.key,
      name: indexModel(model).requirementByKey.get(term.key)?.name ?? term.key,
      weight: term.weight,
      from: term.level,
      gain: (share * lift) / category.weightSum,
      order: order.get(term.key) ?? 0,
    });
  }
  return chosen;
}

function trackOf(
  settings: RoadmapSettings,
  key: string,
  categoryKey: string,
  moduleId: CategoryScore['moduleId'],
) {
  const override = settings.tracks?.[key] ?? settings.tracks?.[categoryKey];
  return { track: override ?? defaultTrack(moduleId), trackOverridden: override !== undefined };
}

/** Model order of every category and requirement, for stable ties. */
function positions(model: Model): Map<string, number> {
  const index = indexModel(model);
  const out = new Map<string, number>();
  let i = 0;
  for (const category of index.categories) {
    out.set(category.key, i++);
    for (const requirement of category.requirements) out.set(requirement.key, i++);
  }
  return out;
}

function levelOf<T extends { raw: number | null; level: unknown; levelName: unknown; progress: unknown }>(
  value: T,
) {
  return {
    raw: value.raw,
    level: value.level as RoadmapStep['after']['overall']['level'],
    levelName: value.levelName as string | null,
    progress: value.progress as number | null,
  };
}

function nextLevelStatements(model: Model, report: ScoreReport): NextLevelStatement[] {
  const index = indexModel(model);
  const out: NextLevelStatement[] = [];
  for (const category of report.categories) {
    if (category.raw === null || category.level === null || category.level >= 5) continue;
    const nextLevel = (category.level + 1) as LevelNumber;
    const modelCategory = index.categoryByKey.get(category.key);
    const limiting = category.terms
      .filter((term) => term.level < nextLevel)
      .sort((a, b) => b.weight * (nextLevel - b.level) - a.weight * (nextLevel - a.level))
      .map((term) => ({
        key: term.key,
        name: index.requirementByKey.get(term.key)?.name ?? term.key,
        level: term.level,
        weight: term.weight,
      }));
    out.push({
      categoryKey: category.key,
      categoryName: category.name,
      raw: category.raw,
      level: category.level,
      levelName: category.levelName ?? String(category.level),
      nextLevel,
      nextLevelName: levelName(model, nextLevel),
      nextLevelDescription: modelCategory?.levels.find((l) => l.number === nextLevel)?.description ?? '',
      rawNeeded: nextLevel - category.raw,
      limiting,
    });
  }
  return out;
}
