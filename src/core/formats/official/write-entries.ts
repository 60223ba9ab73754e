/**
 * The official app's entry shapes, as slots: a category (or extension relevance) entry in
 * `progress`, and a requirement entry in `requirementProgress`. A field kept in the answer's
 * `extra` under one of these names (a `result` string that differs from ours, say) takes that
 * name's place; other kept fields follow in their stored order.
 */
import type { CategoryAnswer, RequirementAnswer, ScopeDecision } from '../../assessment/assessment.types.js';
import type { Category } from '../../model/model.types.js';
import { levelDescription, resultLabel } from './official-labels.js';
import { extraSlots, type Slot } from './slots.js';

export const CATEGORY_ENTRY_FIELDS = [
  'level',
  'result',
  'description',
  'applicability',
  'applicabilityReason',
  'notes',
];
export const REQUIREMENT_ENTRY_FIELDS = [
  'level',
  'applicability',
  'notes',
  'evidence',
  'applicabilityReason',
  'flagged',
  'flagNote',
  'completed',
  'updatedAt',
];
const CATEGORY_SET = new Set(CATEGORY_ENTRY_FIELDS);
const REQUIREMENT_SET = new Set(REQUIREMENT_ENTRY_FIELDS);

function slotFrom(extra: Record<string, unknown>) {
  return (key: string, value: unknown, kind: Slot['kind']): Slot =>
    Object.prototype.hasOwnProperty.call(extra, key)
      ? { key, value: extra[key], kind: 'data' }
      : { key, value, kind };
}

/**
 * A `progress` entry. `category` is undefined for relevance entries (their ladder text lives
 * in the extension, so `description` is ''). A module scoped out in pkimm makes the entry N/A,
 * which is how the app itself records a module pill.
 */
export function categoryEntrySlots(
  answer: CategoryAnswer | undefined,
  options: { category?: Category | undefined; moduleDecision?: ScopeDecision | undefined } = {},
): Slot[] {
  const extra = answer?.extra ?? {};
  const slot = slotFrom(extra);
  const level = answer?.level ?? 0;
  const ownOut = answer?.applicability === 'not-applicable';
  const moduleOut = options.moduleDecision?.applicability === 'not-applicable';
  const applicable = !ownOut && !moduleOut;
  // The category's own reason wins; an entry scoped out only through its module takes the module's.
  const moduleReason = moduleOut ? options.moduleDecision?.reason : undefined;
  const reason = ownOut ? (answer.reason ?? moduleReason) : moduleReason;
  return [
    slot('level', level, level === 0 ? 'default' : 'data'),
    slot('result', resultLabel(level, applicable), 'default'),
    slot('description', levelDescription(options.category, level, applicable), 'default'),
    slot('applicability', applicable, applicable ? 'default' : 'data'),
    slot('applicabilityReason', reason, 'data'),
    slot('notes', answer?.notes, 'data'),
    ...extraSlots(extra, CATEGORY_SET),
  ];
}

/** A `requirementProgress` entry; `notes` and `evidence` default to '' as the app writes them. */
export function requirementEntrySlots(answer: RequirementAnswer): Slot[] {
  const extra = answer.extra ?? {};
  const slot = slotFrom(extra);
  const out = answer.applicability === 'not-applicable';
  return [
    slot('level', answer.level, answer.level === 0 ? 'default' : 'data'),
    slot('applicability', !out, out ? 'data' : 'default'),
    slot('notes', answer.notes ?? '', answer.notes === undefined ? 'default' : 'data'),
    slot('evidence', answer.evidence ?? '', answer.evidence === undefined ? 'default' : 'data'),
    slot('applicabilityReason', out ? answer.reason : undefined, 'data'),
    slot('flagged', answer.flagged, 'data'),
    slot('flagNote', answer.flagNote, 'data'),
    slot('completed', answer.completed, 'data'),
    slot('updatedAt', answer.updatedAt, 'data'),
    ...extraSlots(extra, REQUIREMENT_SET),
  ];
}
