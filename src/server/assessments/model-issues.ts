import type { Assessment } from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import type { PathIssue } from '../../core/assessment/path-issue.js';
import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import { PkimmError, type Issue } from '../../core/errors.js';
import type { Model } from '../../core/model/model.types.js';

type Collection = 'modules' | 'categories' | 'requirements' | 'relevance';

/**
 * The problems with keys a request names, worded by validateAgainstModel (with its "did you
 * mean" suggestion): an empty probe assessment holds just those keys, so nothing else in the
 * stored assessment is reported.
 */
export function unknownKeyIssues(
  assessment: Assessment,
  model: Model,
  collection: Collection,
  keys: readonly string[],
): PathIssue[] {
  const entries: Record<string, unknown> = {};
  for (const key of keys) setOwn(entries, key, {});
  return validateAgainstModel(
    {
      model: assessment.model,
      extensions: assessment.extensions,
      importedFrom: assessment.importedFrom,
      [collection]: entries,
    },
    model,
  );
}

/** Fails with 422 and one issue per problem, paths dotted as in our file format. */
export function assertNoIssues(issues: readonly PathIssue[], headline: string): void {
  if (issues.length === 0) return;
  const list: Issue[] = issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new PkimmError('ASSESSMENT_INVALID', headline, { issues: list });
}
