import { indexModel, type ModelIndex } from '../model/model-index.js';
import { MODULE_IDS, type Model } from '../model/model.types.js';
import { EMPTY_REASON } from './assessment.schema.js';
import { isPlainObject } from './compact.js';
import { nearestKey } from './nearest-key.js';
import type { PathIssue } from './path-issue.js';
import { isRating, ratingProblem } from './rating.js';
import { validateRoadmapSettings } from '../roadmap/roadmap-settings.js';
import { validatePlansAgainstModel } from '../plans/validate-plans.js';
import { validateAuditsAgainstModel } from '../crosswalk/audit-credits.js';

/** The fields this check reads. An Assessment fits, and so does raw data that failed the schema. */
export interface AssessmentLike {
  model?: unknown;
  modules?: unknown;
  categories?: unknown;
  requirements?: unknown;
  relevance?: unknown;
  extensions?: unknown;
  importedFrom?: unknown;
  roadmap?: unknown;
  plans?: unknown;
  audits?: unknown;
}

/**
 * Checks an assessment against the model it claims: the model version, that every module,
 * category, requirement and relevance key exists (suggesting the nearest valid key), that
 * levels are 0..5, and that not-applicable and partial decisions give a reason. Returns every
 * issue; paths are those of our file format. Entries that are not maps are skipped (the
 * schema reports them).
 */
export function validateAgainstModel(assessment: AssessmentLike, model: Model): PathIssue[] {
  const index = indexModel(model);
  const name = `${model.id} ${model.version}`;
  // The official app neither requires N/A reasons nor drops ratings of extensions it disabled.
  const imported = assessment.importedFrom === 'official';
  const issues: PathIssue[] = [...checkModelRef(assessment.model, model)];
  const extensionIds = new Set(
    Array.isArray(assessment.extensions)
      ? assessment.extensions.map((e) => (isPlainObject(e) ? e['id'] : undefined))
      : [],
  );
  const checkers: [string, (key: string) => string | undefined][] = [
    [
      'modules',
      (key) =>
        (MODULE_IDS as readonly string[]).includes(key)
          ? undefined
          : `no module "${key}" (modules are ${MODULE_IDS.join(', ')})`,
    ],
    ['categories', (key) => (index.categoryByKey.has(key) ? undefined : unknownCategory(key, index, name))],
    [
      'requirements',
      (key) => (index.requirementByKey.has(key) ? undefined : unknownRequirement(key, index, name)),
    ],
    ['relevance', (key) => unknownRelevance(key, index, name, imported ? undefined : extensionIds)],
  ];
  for (const [field, unknownKey] of checkers) {
    const entries = (assessment as Record<string, unknown>)[field];
    if (!isPlainObject(entries)) continue;
    for (const [key, entry] of Object.entries(entries)) {
      const problem = unknownKey(key);
      if (problem) issues.push({ path: [field, key], message: problem });
      if (isPlainObject(entry)) issues.push(...checkEntry(entry, [field, key], imported));
    }
  }
  issues.push(...validateRoadmapSettings(assessment.roadmap, index, name));
  issues.push(...validatePlansAgainstModel(assessment.plans, model));
  issues.push(...validateAuditsAgainstModel(assessment.audits, index, name));
  return issues;
}

function checkModelRef(ref: unknown, model: Model): PathIssue[] {
  if (!isPlainObject(ref)) return [];
  const { id, version } = ref;
  if (id === model.id && version === model.version) return [];
  const claimed = `${typeof id === 'string' ? id : '?'} ${typeof version === 'string' ? version : '?'}`;
  const path = id === model.id ? ['model', 'version'] : ['model', 'id'];
  return [
    { path, message: `the assessment is for ${claimed} but the model is ${model.id} ${model.version}` },
  ];
}

function checkEntry(entry: Record<string, unknown>, path: string[], reasonsOptional: boolean): PathIssue[] {
  const issues: PathIssue[] = [];
  if (entry['level'] !== undefined && !isRating(entry['level']))
    issues.push({ path: [...path, 'level'], message: ratingProblem(entry['level']) });
  const applicability = entry['applicability'];
  const reason = entry['reason'];
  // A blank reason is reported where it is (with the schema's wording, so the two merge).
  if (typeof reason === 'string' && reason.trim() === '')
    issues.push({ path: [...path, 'reason'], message: EMPTY_REASON });
  else if (
    (applicability === 'partial' || (applicability === 'not-applicable' && !reasonsOptional)) &&
    reason === undefined
  ) {
    issues.push({
      path: [...path, 'applicability'],
      message: `a reason is required when applicability is ${applicability}`,
    });
  }
  return issues;
}

/** Numbered ids (1.0.0) are positions, not words: a near miss there is no typo worth suggesting. */
function suggest(given: string, candidates: Iterable<string>): string | undefined {
  return /^\d+$/.test(given.slice(given.lastIndexOf('.') + 1)) ? undefined : nearestKey(given, candidates);
}

function didYouMean(key: string | undefined): string {
  return key === undefined ? '' : ` (did you mean ${key}?)`;
}

function unknownCategory(key: string, index: ModelIndex, name: string): string {
  return `no category "${key}" in ${name}${didYouMean(suggest(key, index.categoryByKey.keys()))}`;
}

/** Looks for the intended requirement within its category first, then by its id anywhere, then by the whole key. */
function unknownRequirement(key: string, index: ModelIndex, name: string): string {
  const [moduleId, categoryId, ...rest] = key.split('.');
  const localId = rest.join('.');
  const category = index.categoryByKey.get(`${moduleId}.${categoryId}`);
  let suggestion: string | undefined;
  if (category && localId !== '') {
    const near = suggest(
      localId,
      category.requirements.map((r) => r.id),
    );
    suggestion = near === undefined ? undefined : `${category.key}.${near}`;
  } else {
    const sameId = /^\d+$/.test(localId) ? [] : index.requirements.filter((r) => r.id === localId);
    suggestion = sameId.length === 1 ? sameId[0]?.key : suggest(key, index.requirementByKey.keys());
  }
  return `no requirement "${key}" in ${name}${didYouMean(suggestion)}`;
}

function unknownRelevance(
  key: string,
  index: ModelIndex,
  name: string,
  extensions: Set<unknown> | undefined,
): string | undefined {
  const dot = key.indexOf('.');
  const extensionId = key.slice(0, dot);
  const categoryKey = key.slice(dot + 1);
  if (dot <= 0) return `relevance key "${key}" must be {extension}.{module}.{category}`;
  if (!index.categoryByKey.has(categoryKey))
    return `relevance "${key}": ${unknownCategory(categoryKey, index, name)}`;
  if (extensions && !extensions.has(extensionId))
    return `relevance "${key}" belongs to extension "${extensionId}", which is not listed in extensions`;
  return undefined;
}
