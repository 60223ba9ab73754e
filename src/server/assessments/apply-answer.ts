import type {
  Assessment,
  CategoryAnswer,
  RequirementAnswer,
  ScopeDecision,
} from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import { COLLECTION_OF, type AnswerChange } from './answer-change.js';

type AnyAnswer = ScopeDecision & Partial<Omit<RequirementAnswer, keyof ScopeDecision>>;

/**
 * The assessment with one answer changed, as a new object (the input is left alone). The key
 * must already be known to exist in the model. An empty or null text clears the field;
 * choosing `applicable` drops the reason, which only explains the other two.
 */
export function applyAnswer(assessment: Assessment, change: AnswerChange, at: string): Assessment {
  const next = structuredClone(assessment);
  const collection = next[COLLECTION_OF[change.target]] as Record<string, AnyAnswer>;
  const existing = Object.hasOwn(collection, change.key) ? collection[change.key] : undefined;
  const entry: AnyAnswer = existing
    ? { ...existing }
    : change.target === 'module'
      ? { applicability: 'applicable' }
      : ({ level: 0, applicability: 'applicable' } satisfies CategoryAnswer);
  switch (change.field) {
    case 'level':
      entry.level = change.value;
      break;
    case 'applicability':
      entry.applicability = change.value;
      if (change.value === 'applicable' || change.reason === undefined) delete entry.reason;
      else entry.reason = change.reason;
      break;
    case 'notes':
    case 'evidence':
    case 'flagNote':
      if (change.value === null || change.value === '') delete entry[change.field];
      else entry[change.field] = change.value;
      break;
    case 'flagged':
    case 'completed':
      entry[change.field] = change.value;
      break;
  }
  // The official export keeps a per-requirement change time; keep it true.
  if (change.target === 'requirement') entry.updatedAt = at;
  setOwn(collection, change.key, entry);
  return next;
}
