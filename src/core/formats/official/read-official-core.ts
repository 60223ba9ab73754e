/**
 * Reads an official export into an Assessment without looking at `x-pkimm`. The principle:
 * whatever projectOfficial would not reproduce from the assessment is kept in `preserved`
 * (top-level values, key orders) or in an answer's `extra`, so writing it back gives the same
 * object. Metadata pkimm cannot use (a position that is neither internal nor external, a
 * legacy extension list) is kept verbatim rather than rejected; levels and applicability,
 * which scoring reads, must be valid.
 */
import type { Assessment } from '../../assessment/assessment.types.js';
import { isPlainObject, setOwn } from '../../assessment/compact.js';
import type { PathIssue } from '../../assessment/path-issue.js';
import { describeValue } from '../../assessment/rating.js';
import { PkimmError } from '../../errors.js';
import { indexModel } from '../../model/model-index.js';
import { MODULE_IDS, type Model } from '../../model/model.types.js';
import { plansFromOfficial } from '../../plans/official-plans.js';
import type { ActionPlans } from '../../plans/plan.types.js';
import { keepUnreproduced } from './keep-unreproduced.js';
import type { OfficialKeyOrder } from './preserved.js';
import { X_PKIMM } from './project-official.js';
import { readCategoryEntry, readRequirementEntry } from './read-entries.js';
import { extensionsOf, metadataOf } from './read-metadata.js';

export const MAX_STATE_SCHEMA_VERSION = 2;

export function readOfficialCore(
  value: unknown,
  model: Model,
): { assessment: Assessment; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const doc = isPlainObject(value) ? value : {};
  if (!isPlainObject(value)) issues.push({ path: [], message: 'an official export must be a map of fields' });
  issues.push(...checkVersions(doc, model));
  const keyOrder: OfficialKeyOrder = { progressEntries: {}, requirementEntries: {} };
  const assessment: Assessment = { ...metadataOf(doc), ...answersOf(doc, model, keyOrder, issues) };
  const input = Object.fromEntries(Object.entries(doc).filter(([key]) => key !== X_PKIMM));
  const preserved = keepUnreproduced(assessment, input, model, keyOrder);
  return { assessment: preserved ? { ...assessment, preserved } : assessment, issues };
}

/** Refuses an export from a newer app (as the app itself does) before anything else is read. */
export function assertSupportedStateSchema(value: unknown): void {
  const state = isPlainObject(value) ? value['stateSchemaVersion'] : undefined;
  if (typeof state === 'number' && state > MAX_STATE_SCHEMA_VERSION) {
    throw new PkimmError(
      'FORMAT_UNKNOWN',
      `written by a newer version of the official self-assessment app (stateSchemaVersion ${state}); pkimm reads exports up to stateSchemaVersion ${MAX_STATE_SCHEMA_VERSION}`,
    );
  }
}

function checkVersions(doc: Record<string, unknown>, model: Model): PathIssue[] {
  assertSupportedStateSchema(doc);
  const issues: PathIssue[] = [];
  const state = doc['stateSchemaVersion'];
  if (state !== undefined && state !== 1 && state !== 2) {
    issues.push({
      path: ['stateSchemaVersion'],
      message: `stateSchemaVersion must be 1 or 2 (got ${describeValue(state)})`,
    });
  }
  if (doc['dataVersion'] !== model.version) {
    issues.push({
      path: ['dataVersion'],
      message: `dataVersion ${describeValue(doc['dataVersion'])} does not match the model (${model.id} ${model.version})`,
    });
  }
  return issues;
}

function answersOf(
  doc: Record<string, unknown>,
  model: Model,
  keyOrder: OfficialKeyOrder,
  issues: PathIssue[],
) {
  const index = indexModel(model);
  const categories: Assessment['categories'] = {};
  const relevance: Assessment['relevance'] = {};
  const requirements: Assessment['requirements'] = {};
  for (const [key, raw] of entriesOf(doc, 'progress', issues)) {
    const category = index.categoryByKey.get(key);
    const isRelevance = !category && !(MODULE_IDS as readonly string[]).includes(key.split('.')[0] ?? '');
    const read = readCategoryEntry(raw, ['progress', key], category, category !== undefined);
    issues.push(...read.issues);
    if (read.order) setOwn(keyOrder.progressEntries ?? {}, key, read.order);
    if (read.answer) setOwn(isRelevance ? relevance : categories, key, read.answer);
  }
  const requirementEntries = entriesOf(doc, 'requirementProgress', issues);
  for (const [key, raw] of requirementEntries) {
    const read = readRequirementEntry(raw, ['requirementProgress', key]);
    issues.push(...read.issues);
    if (read.order) setOwn(keyOrder.requirementEntries ?? {}, key, read.order);
    if (read.answer) setOwn(requirements, key, read.answer);
  }
  return {
    model: { id: model.id, version: model.version },
    // The app scores with requirement ratings whenever there are any; pkimm's full mode does the same.
    mode: requirementEntries.length > 0 ? ('full' as const) : ('self' as const),
    modules: {},
    categories,
    requirements,
    extensions: extensionsOf(doc['enabledExtensions']),
    relevance,
    ...plansOf(doc['actionPlans'], index),
  };
}

/** The app's category plans as ours (official-plans.ts); an unreadable value stays in `preserved` only. */
function plansOf(value: unknown, index: ReturnType<typeof indexModel>): { plans?: ActionPlans } {
  const plans = plansFromOfficial(value, (key) => index.categoryByKey.has(key));
  return Object.keys(plans).length > 0 ? { plans } : {};
}

function entriesOf(doc: Record<string, unknown>, key: string, issues: PathIssue[]): [string, unknown][] {
  const value = doc[key];
  if (value === undefined) return [];
  if (isPlainObject(value)) return Object.entries(value);
  issues.push({ path: [key], message: `${key} must be a map (got ${describeValue(value)})` });
  return [];
}
