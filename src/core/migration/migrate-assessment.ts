import { remapPlanSubjects } from '../plans/plan-helpers.js';
import type { Assessment, CategoryAnswer } from '../assessment/assessment.types.js';
import { setOwn } from '../assessment/compact.js';
import { PkimmError, type Issue } from '../errors.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import type { IdMapping } from './id-mapping.js';
import { hasData, type MigrationReport, type MigrationResult } from './migration-report.js';
import { migratePreserved } from './migrate-preserved.js';
import { remapRoadmapSettings } from '../roadmap/roadmap-settings.js';
import { remapAudits } from '../crosswalk/audit-credits.js';

/**
 * Moves an assessment from one model version to the next along an id mapping. Ratings, notes,
 * evidence and scoping travel with their answer to the new key; answers whose key has no
 * successor are dropped and reported (with whether they held anything); categories new in the
 * target start not assessed. Weights are unchanged between versions, so a category's raw level
 * stays the same unless a dropped requirement was rated.
 */
export function migrateAssessment(
  assessment: Assessment,
  from: Model,
  to: Model,
  mapping: IdMapping,
): MigrationResult {
  checkFits(assessment, from, to, mapping);
  const categoryTo = new Map(mapping.categories.map((pair) => [pair.from, pair.to]));
  const requirementTo = new Map(mapping.requirements.map((pair) => [pair.from, pair.to]));
  const unmapped = new Map(mapping.unmapped.map((entry) => [entry.from, entry.reason]));
  const report: MigrationReport = { carried: [], dropped: [], added: [] };
  const noSuccessor = `no counterpart in ${to.id} ${to.version}`;

  const move = <T extends object>(
    answers: Record<string, T>,
    target: (key: string) => string | undefined,
    adapt: (answer: T) => T,
  ) => {
    const out: Record<string, unknown> = {};
    for (const [key, answer] of Object.entries(answers)) {
      const next = target(key);
      if (next !== undefined) {
        setOwn(out, next, adapt(answer));
        report.carried.push({ from: key, to: next });
      } else if (!unmapped.has(key)) {
        report.dropped.push({ key, reason: noSuccessor, hadData: hasData(answer as CategoryAnswer) });
      }
    }
    return out as Record<string, T>;
  };
  const categories = move(assessment.categories, (key) => categoryTo.get(key), withoutDisplayStrings);
  const requirements = move(
    assessment.requirements,
    (key) => requirementTo.get(key),
    (answer) => answer,
  );
  const relevance = move(
    assessment.relevance,
    (key) => relevanceTarget(key, categoryTo),
    withoutDisplayStrings,
  );
  for (const [key, reason] of unmapped)
    report.dropped.push({
      key,
      reason,
      hadData: hasData(assessment.requirements[key] ?? assessment.categories[key]),
    });
  report.added = addedKeys(to, mapping);

  const { preserved, ...rest } = assessment;
  const kept = preserved ? migratePreserved(preserved) : undefined;
  const migrated: Assessment = {
    ...rest,
    model: { id: to.id, version: to.version },
    categories,
    requirements,
    relevance,
    ...(assessment.plans
      ? { plans: remapPlanSubjects(assessment.plans, (key) => categoryTo.get(key) ?? requirementTo.get(key)) }
      : {}),
    ...(assessment.roadmap
      ? {
          roadmap: remapRoadmapSettings(
            assessment.roadmap,
            (key) => categoryTo.get(key) ?? requirementTo.get(key),
          ),
        }
      : {}),
    ...(assessment.audits ? { audits: remapAudits(assessment.audits, (key) => requirementTo.get(key)) } : {}),
    ...(kept ? { preserved: kept } : {}),
  };
  return { assessment: migrated, report };
}

/** `pqc.G.1` → `pqc.G.strategy-and-vision`: the extension id stays, the category part is mapped. */
function relevanceTarget(key: string, categoryTo: Map<string, string>): string | undefined {
  const dot = key.indexOf('.');
  const category = categoryTo.get(key.slice(dot + 1));
  return dot > 0 && category ? `${key.slice(0, dot)}.${category}` : undefined;
}

/** The app's `result` / `description` strings describe the old model's ladder; the writer derives new ones. */
function withoutDisplayStrings<T extends CategoryAnswer>(answer: T): T {
  if (!answer.extra) return answer;
  const { result: _result, description: _description, ...extra } = answer.extra;
  const { extra: _old, ...rest } = answer;
  return (Object.keys(extra).length > 0 ? { ...rest, extra } : rest) as T;
}

function addedKeys(to: Model, mapping: IdMapping): string[] {
  const mappedCategories = new Set(mapping.categories.map((pair) => pair.to));
  const mappedRequirements = new Set(mapping.requirements.map((pair) => pair.to));
  const index = indexModel(to);
  const newCategories = index.categories.filter((category) => !mappedCategories.has(category.key));
  const newRequirements = index.requirements.filter(
    (requirement) =>
      !mappedRequirements.has(requirement.key) &&
      mappedCategories.has(requirement.key.split('.').slice(0, 2).join('.')),
  );
  return [
    ...newCategories.map((category) => category.key),
    ...newRequirements.map((requirement) => requirement.key),
  ];
}

/** The versions must line up and every key of the mapping must exist in its model. */
function checkFits(assessment: Assessment, from: Model, to: Model, mapping: IdMapping): void {
  if (
    assessment.model.version !== from.version ||
    mapping.from !== from.version ||
    mapping.to !== to.version
  ) {
    throw new PkimmError(
      'MIGRATION_UNSUPPORTED',
      `cannot migrate a ${assessment.model.version} assessment with models ${from.version} → ${to.version} and a ${mapping.from} → ${mapping.to} mapping`,
    );
  }
  const source = indexModel(from);
  const target = indexModel(to);
  const issues: Issue[] = [];
  const expect = (ok: boolean, path: string, key: string, model: Model) => {
    if (!ok) issues.push({ path, message: `"${key}" is not in ${model.id} ${model.version}` });
  };
  mapping.categories.forEach((pair, i) => {
    expect(source.categoryByKey.has(pair.from), `categories.${i}.from`, pair.from, from);
    expect(target.categoryByKey.has(pair.to), `categories.${i}.to`, pair.to, to);
  });
  mapping.requirements.forEach((pair, i) => {
    expect(source.requirementByKey.has(pair.from), `requirements.${i}.from`, pair.from, from);
    expect(target.requirementByKey.has(pair.to), `requirements.${i}.to`, pair.to, to);
  });
  mapping.unmapped.forEach((entry, i) =>
    expect(
      source.requirementByKey.has(entry.from) || source.categoryByKey.has(entry.from),
      `unmapped.${i}.from`,
      entry.from,
      from,
    ),
  );
  if (issues.length > 0)
    throw new PkimmError('MIGRATION_UNSUPPORTED', 'the id mapping does not fit the models', { issues });
}
