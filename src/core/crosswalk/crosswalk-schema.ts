/**
 * The crosswalk pack file format, checked like the model: every problem at once, each with
 * its path and what was expected. Whether the requirement keys exist is a separate check
 * against the model version the pack names (crosswalk-checks.ts).
 */
import { z } from 'zod';
import type { PathIssue } from '../assessment/path-issue.js';
import { zodIssuesToPathIssues } from '../assessment/zod-issues.js';
import {
  ALWAYS,
  expected,
  isRecord,
  kebabId,
  list,
  nonEmptyText,
  records,
  semver,
  stringField,
} from '../model/schema-parts.js';
import { RELATIONSHIPS, type CrosswalkPack } from './crosswalk.types.js';

export const CROSSWALK_KIND = 'pkimm-crosswalk';
export const CROSSWALK_SCHEMA_VERSION = '1.0.0';
const RATIONALE_MAX = 600;
const TEXT_MAX = 2000;

/** An object's own error, except for unknown fields, which zodIssuesToPathIssues names one by one. */
function objectError(label: string, expectation: string) {
  const message = expected(label, expectation);
  return (issue: { code?: string; input?: unknown }) =>
    issue.code === 'unrecognized_keys' ? undefined : message(issue);
}

const bounded = (label: string, max: number) =>
  nonEmptyText(label).max(max, { error: `${label} must be at most ${max} characters` });

const ControlSchema = z.strictObject(
  {
    id: bounded('control id', 100),
    title: bounded('control title', 500),
    group: bounded('control group', 200).optional(),
  },
  { error: objectError('control', 'a mapping with id and title (and optionally group)') },
);

const MappingSchema = z.strictObject(
  {
    requirement: bounded('requirement', 200),
    control: bounded('control', 100),
    relationship: z.enum(RELATIONSHIPS, {
      error: expected('relationship', `one of ${RELATIONSHIPS.join(', ')}`),
    }),
    rationale: bounded('rationale', RATIONALE_MAX),
  },
  { error: objectError('mapping', 'a mapping with requirement, control, relationship and rationale') },
);

export const CrosswalkPackSchema = z
  .strictObject(
    {
      kind: z.literal(CROSSWALK_KIND, { error: expected('kind', `"${CROSSWALK_KIND}"`) }),
      schemaVersion: z.literal(CROSSWALK_SCHEMA_VERSION, {
        error: expected('schemaVersion', `"${CROSSWALK_SCHEMA_VERSION}" (the only pack format so far)`),
      }),
      id: kebabId('id'),
      framework: bounded('framework', 200),
      title: bounded('title', 500),
      version: bounded('version', 200),
      packVersion: semver('packVersion'),
      model: semver('model'),
      authority: bounded('authority', 200).optional(),
      url: bounded('url', TEXT_MAX).optional(),
      description: bounded('description', TEXT_MAX).optional(),
      controls: list('controls', ControlSchema, 'a list of controls', 1),
      mappings: list('mappings', MappingSchema, 'a list of mappings', 1),
    },
    { error: objectError('the crosswalk pack', 'a mapping with kind, id, framework, controls and mappings') },
  )
  .superRefine((value, ctx) => {
    for (const issue of crossCheck(value)) ctx.addIssue({ code: 'custom', ...issue });
  }, ALWAYS);

/**
 * Checks that need the whole document, run on plain data so they report even when other
 * parts are invalid: unique control ids, mappings that name listed controls, no pair twice,
 * no control left without a mapping.
 */
function crossCheck(value: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const controls = new Map<string, number>();
  records(value, 'controls').forEach((control, i) => {
    const id = stringField(control, 'id');
    if (id === undefined) return;
    const first = controls.get(id);
    if (first !== undefined)
      issues.push({
        path: ['controls', i, 'id'],
        message: `control "${id}" is listed twice (first at controls.${first})`,
      });
    else controls.set(id, i);
  });
  const mapped = new Set<string>();
  const pairs = new Map<string, number>();
  records(value, 'mappings').forEach((mapping, i) => {
    if (!isRecord(mapping)) return;
    const control = stringField(mapping, 'control');
    const requirement = stringField(mapping, 'requirement');
    if (control === undefined) return;
    mapped.add(control);
    if (controls.size > 0 && !controls.has(control))
      issues.push({
        path: ['mappings', i, 'control'],
        message: `control "${control}" is not listed under controls`,
      });
    if (requirement === undefined) return;
    const pair = `${requirement}\u0000${control}`;
    const first = pairs.get(pair);
    if (first !== undefined)
      issues.push({
        path: ['mappings', i],
        message: `requirement "${requirement}" is mapped to control "${control}" twice (first at mappings.${first})`,
      });
    else pairs.set(pair, i);
  });
  for (const [id, i] of controls)
    if (!mapped.has(id))
      issues.push({
        path: ['controls', i, 'id'],
        message: `control "${id}" has no mapping; list only controls PKIMM speaks to`,
      });
  return issues;
}

export function parseCrosswalkPack(value: unknown): { pack?: CrosswalkPack; issues: PathIssue[] } {
  const result = CrosswalkPackSchema.safeParse(value);
  if (result.success) return { pack: result.data as CrosswalkPack, issues: [] };
  return { issues: zodIssuesToPathIssues(result.error.issues) };
}
