/**
 * The `x-pkimm` block of an official export written by pkimm: a patch that turns what the
 * official fields say back into the exact pkimm assessment (mode, partial applicability,
 * module decisions, reasons the app has no place for, …). Top-level fields are replaced whole;
 * answers are patched field by field; `null` removes a field or an answer. The app ignores
 * the block, so after an edit there the official data stands on its own.
 */
import { z } from 'zod';
import {
  applicabilitySchema,
  assessmentFieldSchemas as f,
  levelSchema,
  reasonSchema,
} from '../../assessment/assessment.schema.js';
import type { Assessment } from '../../assessment/assessment.types.js';
import { setOwn } from '../../assessment/compact.js';
import { deepEqual } from './deep-equal.js';

const optionalNull = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const extra = z.record(z.string(), z.unknown());
const categoryPatch = z.strictObject({
  level: levelSchema.optional(),
  applicability: applicabilitySchema.optional(),
  reason: optionalNull(reasonSchema),
  notes: optionalNull(z.string()),
  extra: optionalNull(extra),
});
const requirementPatch = categoryPatch.extend({
  evidence: optionalNull(z.string()),
  flagged: optionalNull(z.boolean()),
  flagNote: optionalNull(z.string()),
  completed: optionalNull(z.boolean()),
  updatedAt: optionalNull(z.string()),
});

export const pkimmPatchSchema = z.strictObject({
  mode: f.mode.optional(),
  importedFrom: optionalNull(z.literal('official')),
  id: optionalNull(z.string().min(1)),
  title: f.title.optional(),
  model: f.model.optional(),
  type: optionalNull(f.type),
  organisation: optionalNull(f.organisation),
  assessor: optionalNull(f.assessor),
  dates: optionalNull(f.dates),
  scope: optionalNull(f.scope),
  modules: optionalNull(f.modules),
  extensions: f.extensions,
  preserved: optionalNull(f.preserved),
  roadmap: optionalNull(f.roadmap),
  plans: optionalNull(f.plans),
  audits: optionalNull(f.audits),
  categories: z.record(z.string(), categoryPatch.nullable()).optional(),
  requirements: z.record(z.string(), requirementPatch.nullable()).optional(),
  relevance: z.record(z.string(), categoryPatch.nullable()).optional(),
});

export type PkimmPatch = z.output<typeof pkimmPatchSchema>;

const MAPS = ['categories', 'requirements', 'relevance'] as const;
const WHOLE = [
  'id',
  'title',
  'model',
  'mode',
  'type',
  'organisation',
  'assessor',
  'dates',
  'scope',
  'modules',
  'extensions',
  'importedFrom',
  'preserved',
  'roadmap',
  'plans',
  'audits',
] as const;
// Every Assessment field is covered, or this line stops compiling.
const _covered: Exclude<keyof Assessment, (typeof MAPS)[number] | (typeof WHOLE)[number]> extends never
  ? true
  : never = true;

/** The patch that turns `from` into `to` (empty when they are equal). */
export function diffAssessment(from: Assessment, to: Assessment): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of WHOLE) if (!deepEqual(from[field], to[field])) patch[field] = to[field] ?? null;
  for (const map of MAPS) {
    const entries = diffMap(from[map], to[map]);
    if (Object.keys(entries).length > 0) patch[map] = entries;
  }
  return patch;
}

function diffMap(from: Record<string, object>, to: Record<string, object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const before = from[key] as Record<string, unknown> | undefined;
    const after = to[key] as Record<string, unknown> | undefined;
    if (deepEqual(before, after)) continue;
    if (!after) setOwn(out, key, null);
    else if (!before) setOwn(out, key, after);
    else {
      const fields: Record<string, unknown> = {};
      for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (!deepEqual(before[field], after[field])) fields[field] = after[field] ?? null;
      }
      setOwn(out, key, fields);
    }
  }
  return out;
}

export function applyPkimmPatch(assessment: Assessment, patch: PkimmPatch): Assessment {
  const out: Record<string, unknown> = { ...assessment };
  for (const field of WHOLE) {
    const value = patch[field];
    if (value === null) delete out[field];
    else if (value !== undefined) out[field] = value;
  }
  for (const map of MAPS) {
    const entries = patch[map];
    if (entries) out[map] = patchMap(assessment[map], entries);
  }
  // The patch was checked by pkimmPatchSchema, whose field schemas are those of Assessment.
  return out as unknown as Assessment;
}

function patchMap(base: Record<string, object>, entries: Record<string, Record<string, unknown> | null>) {
  const out: Record<string, unknown> = { ...base };
  for (const [key, fields] of Object.entries(entries)) {
    if (fields === null) {
      delete out[key];
      continue;
    }
    const entry: Record<string, unknown> = { level: 0, applicability: 'applicable', ...(base[key] ?? {}) };
    for (const [field, value] of Object.entries(fields)) {
      if (value === null) delete entry[field];
      else if (value !== undefined) entry[field] = value;
    }
    setOwn(out, key, entry);
  }
  return out;
}
