import type {
  Assessment,
  CategoryAnswer,
  RequirementAnswer,
} from '../../core/assessment/assessment.types.js';
import type { AnswerChange } from '../api/types.js';

const EMPTY = { level: 0, applicability: 'applicable' } as const;

/** The assessment with one autosave change applied, as the server applies it (new objects, no mutation). */
export function applyChange(assessment: Assessment, change: AnswerChange): Assessment {
  if (change.target === 'relevance') return assessment;
  if (change.target === 'module') {
    if (change.field !== 'applicability') return assessment;
    const modules = { ...assessment.modules };
    const id = change.key as keyof typeof modules;
    modules[id] =
      change.value === 'applicable'
        ? { applicability: 'applicable' }
        : { applicability: change.value, ...(change.reason ? { reason: change.reason } : {}) };
    return { ...assessment, modules };
  }
  const collection = change.target === 'category' ? 'categories' : 'requirements';
  const current: CategoryAnswer | RequirementAnswer = assessment[collection][change.key] ?? EMPTY;
  const next: Record<string, unknown> = { ...current };
  switch (change.field) {
    case 'level':
      next.level = change.value;
      break;
    case 'applicability':
      next.applicability = change.value;
      if (change.value === 'applicable' || !change.reason) delete next.reason;
      else next.reason = change.reason;
      break;
    case 'notes':
    case 'evidence':
    case 'flagNote':
      if (change.value) next[change.field] = change.value;
      else delete next[change.field];
      break;
    case 'flagged':
    case 'completed':
      if (change.value) next[change.field] = true;
      else delete next[change.field];
      break;
  }
  return {
    ...assessment,
    [collection]: { ...assessment[collection], [change.key]: next as unknown as RequirementAnswer },
  };
}

/** The value a change's field has in an assessment, for the conflict dialog. */
export function valueAt(assessment: Assessment, change: AnswerChange): unknown {
  if (change.target === 'module') {
    const decision = assessment.modules[change.key as keyof Assessment['modules']];
    return decision?.applicability ?? 'applicable';
  }
  if (change.target === 'relevance') return undefined;
  const entry = (change.target === 'category' ? assessment.categories : assessment.requirements)[change.key];
  if (!entry)
    return change.field === 'level' ? 0 : change.field === 'applicability' ? 'applicable' : undefined;
  return (entry as unknown as Record<string, unknown>)[change.field];
}
