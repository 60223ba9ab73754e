/**
 * Building blocks shared by the model and extension file schemas: value descriptions and
 * field schemas whose messages name what is expected and what was found, because they are
 * read by the person who edits the file.
 */
import { z } from 'zod';
import type { ModuleId } from './model.types.js';

/** One problem, located by its path inside the document (lines are added by the loader). */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}
export type Path = (string | number)[];
export type AddIssue = (path: Path, message: string) => void;

export const MODULE_NAMES: Readonly<Record<ModuleId, string>> = {
  G: 'Governance',
  M: 'Management',
  O: 'Operations',
  R: 'Resources',
};
/** The bare level names of schema 2.0.0, for levels 1 to 5. */
export const LEVEL_NAMES_2: readonly string[] = [
  'Initial',
  'Foundational',
  'Advanced',
  'Managed',
  'Optimized',
];

// ---- Message-carrying building blocks, shared with the extension schema. ----

/** A short, readable rendering of a value for "(got …)". */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** A zod error function: `<label> must be <expectation> (got …)`, or `<label> is missing; …`. */
export function expected(label: string, expectation: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `${label} is missing; it must be ${expectation}`
      : `${label} must be ${expectation} (got ${describeValue(issue.input)})`;
}

export const text = (label: string) => z.string({ error: expected(label, 'a text') });
export function nonEmptyText(label: string) {
  const error = expected(label, 'a non-empty text');
  return z.string({ error }).min(1, { error });
}
export function wholeNumber(label: string, min: number, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = expected(label, `a whole number ${range}`);
  const atLeast = z.int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
}
export function pattern(label: string, regex: RegExp, expectation: string) {
  const error = expected(label, expectation);
  return z.string({ error }).regex(regex, { error });
}
export const kebabId = (label: string) =>
  pattern(
    label,
    /^[a-z][a-z0-9-]*$/,
    'a lower-case id of letters, digits and hyphens, like "key-management"',
  );
export const numericId = (label: string) => pattern(label, /^[1-9][0-9]*$/, 'a number in quotes, like "1"');
export const semver = (label: string) => pattern(label, /^\d+\.\d+\.\d+$/, 'a version like "2.0.0"');
export function list<T extends z.ZodType>(label: string, item: T, expectation: string, min: number) {
  const error = expected(label, expectation);
  return z.array(item, { error }).min(min, { error });
}
export function fiveLevels<T extends z.ZodType>(level: T) {
  const error = expected('levels', 'a list of exactly 5 levels, numbered 1 to 5');
  return z.array(level, { error }).length(5, { error });
}
/** Options for a superRefine that must run even when other parts failed, so every problem is reported at once. */
export const ALWAYS = { when: () => true };

/** zod issues as plain path + message pairs. */
export function toSchemaIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

// ---- The model file schemas. ----

/** Plain-data accessors for checks that run on a partly invalid document. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function records(value: unknown, key: string): unknown[] {
  const field = isRecord(value) ? value[key] : undefined;
  return Array.isArray(field) ? (field as unknown[]) : [];
}
export function stringField(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}
