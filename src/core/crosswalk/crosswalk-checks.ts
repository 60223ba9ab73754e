/** A pack against the model it names: every requirement key must exist in that model version. */
import type { PathIssue } from '../assessment/path-issue.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import type { CrosswalkPack } from './crosswalk.types.js';

export function checkPackAgainstModel(pack: CrosswalkPack, model: Model): PathIssue[] {
  if (model.version !== pack.model)
    return [
      {
        path: ['model'],
        message: `the pack is written for model ${pack.model}, but model ${model.version} was given to check it`,
      },
    ];
  const index = indexModel(model);
  const issues: PathIssue[] = [];
  pack.mappings.forEach((mapping, i) => {
    if (!index.requirementByKey.has(mapping.requirement))
      issues.push({
        path: ['mappings', i, 'requirement'],
        message: `requirement "${mapping.requirement}" does not exist in model ${model.version}`,
      });
  });
  return issues;
}
