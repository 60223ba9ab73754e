import type { z } from 'zod';
import type { PathIssue } from './path-issue.js';

/**
 * zod issues as PathIssues with wording for people editing a file: one issue per unknown
 * field (located at that field), and "is required" instead of "received undefined".
 */
export function zodIssuesToPathIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const missing =
      issue.message.endsWith('received undefined') ||
      (input !== undefined && valueAt(input, path) === undefined);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown field "${key}"` });
    } else if (missing && issue.code === 'invalid_type') {
      out.push({ path, message: `is required (expected ${issue.expected})` });
    } else if (missing && issue.code === 'invalid_value') {
      out.push({ path, message: `is required (one of ${issue.values.map(String).join(', ')})` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
