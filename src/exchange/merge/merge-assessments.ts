import { isDeepStrictEqual } from 'node:util';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import { mergeRoadmapSettings } from '../../core/roadmap/roadmap-settings.js';

/** What an import into an existing assessment changed, per collection of answers. */
export interface ImportReport {
  mode: 'replace' | 'merge';
  /** Keys (`requirements.G.x.y`) only the file had. */
  added: string[];
  /** Keys both had, with different answers; the file's answer is now the one stored. */
  changed: string[];
  /** Keys only the stored assessment had: dropped by replace. */
  removed: string[];
  /** Keys only the stored assessment had: kept by merge. */
  kept: number;
  /** Keys both had with the same answer. */
  unchanged: number;
  /** Top-level details (title, scope, dates, …) whose value changed. */
  details: string[];
}

const COLLECTIONS = ['modules', 'categories', 'requirements', 'relevance'] as const;
const DETAILS = [
  'title',
  'mode',
  'type',
  'organisation',
  'assessor',
  'dates',
  'scope',
  'extensions',
] as const;

/**
 * Merge, as documented in docs/assessment-format.md: the file fills in and overrides, the
 * stored assessment keeps what the file does not mention.
 * - Answers (modules, categories, requirements, relevance): an entry in the file replaces the
 *   stored entry of the same key as a whole; stored entries the file lacks stay. A merge can
 *   therefore add and change answers but never clear one (use replace for that).
 * - Details: the title comes from the file; type and organisation from the file when it has
 *   them; assessor, dates and scope field by field, the file's fields winning.
 * - Extensions: the union, by id, the file's version winning. Preserved official data: the
 *   stored keys, the file's winning. `importedFrom: official` if either says so.
 * - The id, the model and the mode stay the stored assessment's.
 */
export function mergeAssessments(stored: Assessment, file: Assessment): Assessment {
  const merged: Assessment = structuredClone(stored);
  merged.title = file.title;
  if (file.type !== undefined) merged.type = file.type;
  if (file.organisation !== undefined) merged.organisation = file.organisation;
  for (const group of ['assessor', 'dates', 'scope'] as const) {
    const values = { ...(stored[group] ?? {}), ...(file[group] ?? {}) };
    if (Object.keys(values).length > 0) (merged as unknown as Record<string, unknown>)[group] = values;
  }
  for (const collection of COLLECTIONS) {
    const target = merged[collection] as Record<string, unknown>;
    for (const [key, entry] of Object.entries(file[collection])) setOwn(target, key, structuredClone(entry));
  }
  const extensions = new Map(stored.extensions.map((e) => [e.id, e]));
  for (const extension of file.extensions) extensions.set(extension.id, extension);
  merged.extensions = [...extensions.values()];
  if (file.importedFrom === 'official') merged.importedFrom = 'official';
  if (file.preserved) merged.preserved = { ...(stored.preserved ?? {}), ...structuredClone(file.preserved) };
  if (file.roadmap) merged.roadmap = mergeRoadmapSettings(stored.roadmap, file.roadmap);
  // Plans, like answers: the file's plan replaces the stored one of the same id; others stay.
  if (file.plans) merged.plans = { ...(stored.plans ?? {}), ...structuredClone(file.plans) };
  if (file.audits) merged.audits = { ...(stored.audits ?? {}), ...structuredClone(file.audits) };
  return merged;
}

/** The file's content in place of the stored one, keeping the stored assessment's identity. */
export function replaceAssessment(stored: Assessment, file: Assessment): Assessment {
  const next = structuredClone(file);
  if (stored.id === undefined) delete next.id;
  else next.id = stored.id;
  return next;
}

/**
 * What an import changed: `before` is the stored assessment, `file` what was imported, `after`
 * the result. Keys are as in our file format (`requirements.G.x.y`).
 */
export function importReport(
  mode: ImportReport['mode'],
  before: Assessment,
  file: Assessment,
  after: Assessment,
): ImportReport {
  const report: ImportReport = {
    mode,
    added: [],
    changed: [],
    removed: [],
    kept: 0,
    unchanged: 0,
    details: [],
  };
  for (const collection of COLLECTIONS) {
    const old = before[collection] as Record<string, unknown>;
    const given = file[collection] as Record<string, unknown>;
    const next = after[collection] as Record<string, unknown>;
    for (const [key, entry] of Object.entries(next)) {
      if (!Object.hasOwn(given, key)) report.kept += 1;
      else if (!Object.hasOwn(old, key)) report.added.push(`${collection}.${key}`);
      else if (isDeepStrictEqual(old[key], entry)) report.unchanged += 1;
      else report.changed.push(`${collection}.${key}`);
    }
    for (const key of Object.keys(old)) {
      if (!Object.hasOwn(next, key)) report.removed.push(`${collection}.${key}`);
    }
  }
  for (const detail of DETAILS) {
    if (!isDeepStrictEqual(before[detail], after[detail])) report.details.push(detail);
  }
  return report;
}
