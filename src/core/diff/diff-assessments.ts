import type { Assessment } from '../assessment/assessment.types.js';
import { PkimmError } from '../errors.js';
import type { IdMapping } from '../migration/id-mapping.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import { scoreAssessment } from '../scoring/score-assessment.js';

/** A level 1..5, `'n/a'` for out of scope, `null` for not rated (or not in that model version). */
export type DiffValue = number | 'n/a' | null;

export type RequirementChange = 'up' | 'down' | 'became-n/a' | 'no-longer-n/a' | 'rated' | 'unrated';

export interface DiffEntry {
  /** The full key in the newer model version (`G.strategy-and-vision.sponsor-support`). */
  id: string;
  before: DiffValue;
  after: DiffValue;
}

export interface RequirementDiff extends DiffEntry {
  change: RequirementChange;
  categoryKey: string;
  name: string;
}

export interface CategoryDiff extends DiffEntry {
  name: string;
  /** Category raws compare as numbers; `delta` is after − before when both are numbers. */
  delta: number | null;
}

export interface AssessmentDiff {
  before: { model: string; title: string };
  after: { model: string; title: string };
  /** True when the older side was read through the id mapping. */
  mapped: boolean;
  requirements: RequirementDiff[];
  categories: CategoryDiff[];
  overall: { before: number | null; after: number | null };
}

export interface Side {
  model: Model;
  assessment: Assessment;
}

/**
 * What changed between two assessments: requirements whose rating or scoping differs, the
 * categories whose raw level moved, and the overall raw level. Two model versions are lined up
 * through the 1.0.0 → 2.0.0 id mapping (`mapping`), the older side's keys translated onto the
 * newer ones; a requirement with no successor keeps its old key and is listed as gone (after
 * null) when it held a value. Only what changed is listed; raws are compared unrounded.
 */
export function diffAssessments(a: Side, b: Side, mapping?: IdMapping): AssessmentDiff {
  const va = a.model.version;
  const vb = b.model.version;
  let translate = {
    category: (key: string) => key as string | undefined,
    requirement: (key: string) => key as string | undefined,
  };
  let translateB = translate;
  let newer = b.model;
  if (va !== vb) {
    if (
      !mapping ||
      !((mapping.from === va && mapping.to === vb) || (mapping.from === vb && mapping.to === va))
    )
      throw new PkimmError(
        'MIGRATION_UNSUPPORTED',
        `cannot compare pkimm ${va} with ${vb}: no id mapping between them (supported: 1.0.0 and 2.0.0)`,
      );
    const mapper = translator(mapping);
    if (mapping.from === va) translate = mapper;
    else {
      translateB = mapper;
      newer = a.model;
    }
  }
  const before = valuesOf(a, translate);
  const after = valuesOf(b, translateB);
  const index = indexModel(newer);

  const requirements: RequirementDiff[] = [];
  const requirementKeys = [
    ...index.requirements.map((r) => r.key),
    ...extraKeys(before.requirements, after.requirements, index.requirementByKey),
  ];
  for (const key of requirementKeys) {
    const x = before.requirements.get(key) ?? null;
    const y = after.requirements.get(key) ?? null;
    if (x === y) continue;
    const requirement = index.requirementByKey.get(key);
    requirements.push({
      id: key,
      before: x,
      after: y,
      change: changeOf(x, y),
      categoryKey: requirement
        ? index.categoryOfRequirement.get(key)!.key
        : key.split('.').slice(0, 2).join('.'),
      name: requirement?.name ?? key,
    });
  }
  const categories: CategoryDiff[] = [];
  for (const category of index.categories) {
    const x = before.categories.get(category.key) ?? null;
    const y = after.categories.get(category.key) ?? null;
    if (x === y) continue;
    categories.push({
      id: category.key,
      before: x,
      after: y,
      name: category.name,
      delta: typeof x === 'number' && typeof y === 'number' ? y - x : null,
    });
  }
  return {
    before: { model: `${a.model.id} ${va}`, title: a.assessment.title },
    after: { model: `${b.model.id} ${vb}`, title: b.assessment.title },
    mapped: va !== vb,
    requirements,
    categories,
    overall: { before: before.overall, after: after.overall },
  };
}

type Translate = {
  category: (key: string) => string | undefined;
  requirement: (key: string) => string | undefined;
};

function translator(mapping: IdMapping): Translate {
  const categories = new Map(mapping.categories.map((p) => [p.from, p.to]));
  const requirements = new Map(mapping.requirements.map((p) => [p.from, p.to]));
  return { category: (key) => categories.get(key), requirement: (key) => requirements.get(key) };
}

/** Every requirement's value and every category's raw of one side, under the newer keys. */
function valuesOf({ model, assessment }: Side, translate: Translate) {
  const report = scoreAssessment(model, assessment);
  const index = indexModel(model);
  const requirements = new Map<string, DiffValue>();
  const categories = new Map<string, DiffValue>();
  for (const category of report.categories) {
    const key = translate.category(category.key) ?? category.key;
    categories.set(key, category.source === 'not-applicable' ? 'n/a' : category.raw);
    for (const requirement of index.categoryByKey.get(category.key)!.requirements) {
      const answer = assessment.requirements[requirement.key];
      const out = category.source === 'not-applicable' || answer?.applicability === 'not-applicable';
      const value: DiffValue = out ? 'n/a' : answer && answer.level > 0 ? answer.level : null;
      requirements.set(translate.requirement(requirement.key) ?? requirement.key, value);
    }
  }
  return { requirements, categories, overall: report.overall.raw };
}

/** Keys only one side knows (a requirement dropped between versions), in the order met. */
function extraKeys(
  x: Map<string, DiffValue>,
  y: Map<string, DiffValue>,
  known: ReadonlyMap<string, unknown>,
) {
  return [...new Set([...x.keys(), ...y.keys()])].filter((key) => !known.has(key));
}

function changeOf(x: DiffValue, y: DiffValue): RequirementChange {
  if (y === 'n/a') return 'became-n/a';
  if (x === 'n/a') return 'no-longer-n/a';
  if (x === null) return 'rated';
  if (y === null) return 'unrated';
  return y > x ? 'up' : 'down';
}

/** The CLI's contract (`pkimm diff A B --format json`): exactly these keys, only what changed. */
export function diffToJson(diff: AssessmentDiff) {
  return {
    requirements: diff.requirements.map(({ id, before, after }) => ({ id, before, after })),
    categories: diff.categories.map(({ id, before, after }) => ({ id, before, after })),
    overall: diff.overall,
  };
}
