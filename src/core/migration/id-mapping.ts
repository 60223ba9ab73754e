/**
 * How the ids of one PKIMM version map onto the next (model/mappings/*.yaml): categories and
 * requirements one to one, requirements with no successor and why, and what is new.
 */
import { z } from 'zod';
import type { PathIssue } from '../assessment/path-issue.js';
import { zodIssuesToPathIssues } from '../assessment/zod-issues.js';

const pair = z.strictObject({ from: z.string().min(1), to: z.string().min(1) });

export const idMappingSchema = z
  .strictObject({
    kind: z.literal('pkimm-id-mapping'),
    from: z.string().min(1),
    to: z.string().min(1),
    categories: z.array(pair),
    requirements: z.array(pair),
    unmapped: z.array(z.strictObject({ from: z.string().min(1), reason: z.string().min(1) })).default([]),
    added: z.array(z.string().min(1)).default([]),
  })
  .superRefine((mapping, context) => {
    // A source key mapped twice (or mapped and unmapped) would make migration ambiguous.
    const seen = new Set<string>();
    const sources: [string, number, string][] = [
      ...mapping.categories.map((p, i): [string, number, string] => ['categories', i, p.from]),
      ...mapping.requirements.map((p, i): [string, number, string] => ['requirements', i, p.from]),
      ...mapping.unmapped.map((u, i): [string, number, string] => ['unmapped', i, u.from]),
    ];
    for (const [list, i, key] of sources) {
      if (seen.has(key))
        context.addIssue({
          code: 'custom',
          path: [list, i, 'from'],
          message: `"${key}" is mapped more than once`,
        });
      seen.add(key);
    }
  });

export type IdMapping = z.output<typeof idMappingSchema>;

export function parseIdMapping(value: unknown): { mapping?: IdMapping; issues: PathIssue[] } {
  const result = idMappingSchema.safeParse(value);
  return result.success
    ? { mapping: result.data, issues: [] }
    : { issues: zodIssuesToPathIssues(result.error.issues) };
}
