import type { PathIssue } from './path-issue.js';

/**
 * Issues for `__proto__` keys anywhere in parsed data. YAML and JSON parsers keep such a key
 * as data, but zod (and any plain assignment) would turn it into an object's prototype, so
 * it is refused before schema validation instead of being silently lost.
 */
export function protoKeyIssues(value: unknown, path: (string | number)[] = []): PathIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  const issues: PathIssue[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key === '__proto__') issues.push({ path: at, message: '"__proto__" cannot be used as a key' });
    else issues.push(...protoKeyIssues(child, at));
  }
  return issues;
}
