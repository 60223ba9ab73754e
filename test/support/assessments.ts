import type { Assessment, Rating } from '../../src/core/assessment/assessment.types.js';
import type { Model } from '../../src/core/model/model.types.js';

/** An empty assessment of a model, to be filled in by a test. */
export function emptyAssessment(model: Model, mode: 'self' | 'full' = 'full'): Assessment {
  return {
    title: 'test',
    model: { id: model.id, version: model.version },
    mode,
    modules: {},
    categories: {},
    requirements: {},
    extensions: [],
    relevance: {},
  };
}

export function rate(assessment: Assessment, key: string, level: Rating): Assessment {
  assessment.requirements[key] = { applicability: 'applicable', level };
  return assessment;
}
