/**
 * Reads one `progress` or `requirementProgress` entry into an answer. Fields pkimm models
 * become answer fields; display strings that match what the writer derives are dropped; all
 * else goes to `extra` in its original order. The returned `order` is the entry's key order
 * when the writer would not reproduce it on its own.
 */
import type { CategoryAnswer, RequirementAnswer } from '../../assessment/assessment.types.js';
import { isPlainObject } from '../../assessment/compact.js';
import type { PathIssue } from '../../assessment/path-issue.js';
import { describeValue, isRating, ratingProblem } from '../../assessment/rating.js';
import type { Category } from '../../model/model.types.js';
import { levelDescription, resultLabel } from './official-labels.js';
import { layOut, orderToRecord } from './slots.js';
import { categoryEntrySlots, requirementEntrySlots } from './write-entries.js';

export interface EntryRead<T> {
  /** Undefined for a seeded, untouched category entry (the writer seeds it again) or an invalid one. */
  answer?: T;
  order?: string[];
  issues: PathIssue[];
}

type Path = (string | number)[];

/** Level and applicability, which scoring depends on: invalid values are errors, not kept data. */
function scoring(raw: Record<string, unknown>, path: Path) {
  const issues: PathIssue[] = [];
  const level = raw['level'] ?? 0;
  const applicability = raw['applicability'] ?? true;
  if (!isRating(level)) issues.push({ path: [...path, 'level'], message: ratingProblem(level) });
  if (typeof applicability !== 'boolean') {
    issues.push({
      path: [...path, 'applicability'],
      message: `applicability must be true or false (got ${describeValue(applicability)})`,
    });
  }
  return { level: isRating(level) ? level : 0, out: applicability === false, issues };
}

function reasonOf(raw: Record<string, unknown>, out: boolean): string | undefined {
  const reason = raw['applicabilityReason'];
  return out && typeof reason === 'string' && reason !== '' ? reason : undefined;
}

function notAMap(path: Path): EntryRead<never> {
  return { issues: [{ path, message: 'must be a map of fields (level, applicability, …)' }] };
}

export function readCategoryEntry(
  raw: unknown,
  path: Path,
  category: Category | undefined,
  seeded: boolean,
): EntryRead<CategoryAnswer> {
  if (!isPlainObject(raw)) return notAMap(path);
  const { level, out, issues } = scoring(raw, path);
  if (issues.length > 0) return { issues };
  const answer: CategoryAnswer = { level, applicability: out ? 'not-applicable' : 'applicable' };
  const reason = reasonOf(raw, out);
  if (reason !== undefined) answer.reason = reason;
  if (typeof raw['notes'] === 'string') answer.notes = raw['notes'];
  const derived: Record<string, unknown> = {
    result: resultLabel(level, !out),
    description: levelDescription(category, level, !out),
  };
  const consumed = (key: string) =>
    key === 'level' ||
    key === 'applicability' ||
    (key === 'applicabilityReason' && reason !== undefined) ||
    (key === 'notes' && answer.notes !== undefined) ||
    (key in derived && raw[key] === derived[key]);
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !consumed(key)));
  if (Object.keys(extra).length > 0) answer.extra = extra;
  const untouched = seeded && level === 0 && !out && answer.notes === undefined && answer.extra === undefined;
  const written = layOut(categoryEntrySlots(untouched ? undefined : answer, { category }));
  const order = orderToRecord(raw, written);
  return { ...(untouched ? {} : { answer }), ...(order ? { order } : {}), issues: [] };
}

export function readRequirementEntry(raw: unknown, path: Path): EntryRead<RequirementAnswer> {
  if (!isPlainObject(raw)) return notAMap(path);
  const { level, out, issues } = scoring(raw, path);
  if (issues.length > 0) return { issues };
  const answer: RequirementAnswer = { level, applicability: out ? 'not-applicable' : 'applicable' };
  const reason = reasonOf(raw, out);
  if (reason !== undefined) answer.reason = reason;
  const consumed = new Set([
    'level',
    'applicability',
    ...(reason === undefined ? [] : ['applicabilityReason']),
  ]);
  for (const key of ['notes', 'evidence'] as const) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    consumed.add(key);
    if (value !== '') answer[key] = value; // '' is what the app writes for "none"
  }
  for (const key of ['flagged', 'completed'] as const) {
    const value = raw[key];
    if (typeof value !== 'boolean') continue;
    answer[key] = value;
    consumed.add(key);
  }
  for (const key of ['flagNote', 'updatedAt'] as const) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    answer[key] = value;
    consumed.add(key);
  }
  const extra = Object.fromEntries(Object.entries(raw).filter(([key]) => !consumed.has(key)));
  if (Object.keys(extra).length > 0) answer.extra = extra;
  const order = orderToRecord(raw, layOut(requirementEntrySlots(answer)));
  return { answer, ...(order ? { order } : {}), issues: [] };
}
