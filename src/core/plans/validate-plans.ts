import type { PathIssue } from '../assessment/path-issue.js';
import { isPlainObject } from '../assessment/compact.js';
import { nearestKey } from '../assessment/nearest-key.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';

/**
 * Checks that every plan addresses a category or requirement of the model (suggesting the
 * nearest key). The shape (dates, statuses, unknown fields) is plan.schema.ts's job.
 */
export function validatePlansAgainstModel(plans: unknown, model: Model): PathIssue[] {
  if (!isPlainObject(plans)) return [];
  const index = indexModel(model);
  const issues: PathIssue[] = [];
  for (const [id, plan] of Object.entries(plans)) {
    if (!isPlainObject(plan) || typeof plan['subject'] !== 'string') continue;
    const subject = plan['subject'];
    if (index.categoryByKey.has(subject) || index.requirementByKey.has(subject)) continue;
    // A key with three parts is meant as a requirement, so suggest among requirements.
    const keys =
      subject.split('.').length > 2
        ? index.requirements.map((r) => r.key)
        : index.categories.map((c) => c.key);
    const near = nearestKey(subject, keys);
    issues.push({
      path: ['plans', id, 'subject'],
      message: `no category or requirement "${subject}" in ${model.id} ${model.version}${near ? ` (did you mean "${near}"?)` : ''}`,
    });
  }
  return issues;
}
