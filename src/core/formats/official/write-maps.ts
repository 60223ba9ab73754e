import type { Assessment } from '../../assessment/assessment.types.js';
import { indexModel } from '../../model/model-index.js';
import type { Model } from '../../model/model.types.js';
import type { OfficialKeyOrder } from './preserved.js';
import { layOut, type Slot } from './slots.js';
import { categoryEntrySlots, requirementEntrySlots } from './write-entries.js';

/**
 * `progress`: an entry for every core category in model order (the app seeds them all), then
 * category keys the model does not know and extension relevance entries, as stored.
 */
export function progressMap(
  assessment: Assessment,
  model: Model,
  keyOrder: OfficialKeyOrder,
): Record<string, unknown> {
  const index = indexModel(model);
  const entryOrder = keyOrder.progressEntries ?? {};
  const slots: Slot[] = index.categories.map((category) => {
    const answer = assessment.categories[category.key];
    const moduleDecision = assessment.modules[category.moduleId];
    const entry = layOut(
      categoryEntrySlots(answer, { category, moduleDecision }),
      ownOrder(entryOrder, category.key),
    );
    const isData = answer !== undefined || moduleDecision?.applicability === 'not-applicable';
    return { key: category.key, value: entry, kind: isData ? 'data' : 'default' };
  });
  const others = [
    ...Object.entries(assessment.categories).filter(([key]) => !index.categoryByKey.has(key)),
    ...Object.entries(assessment.relevance),
  ];
  for (const [key, answer] of others) {
    slots.push({ key, value: layOut(categoryEntrySlots(answer), ownOrder(entryOrder, key)), kind: 'data' });
  }
  return layOut(slots, keyOrder.progress);
}

/** `requirementProgress`: one entry per answered requirement, model order first. */
export function requirementProgressMap(
  assessment: Assessment,
  model: Model,
  keyOrder: OfficialKeyOrder,
): Record<string, unknown> {
  const index = indexModel(model);
  const entryOrder = keyOrder.requirementEntries ?? {};
  const keys = [
    ...index.requirements
      .map((requirement) => requirement.key)
      .filter((key) => assessment.requirements[key] !== undefined),
    ...Object.keys(assessment.requirements).filter((key) => !index.requirementByKey.has(key)),
  ];
  const slots = keys.flatMap((key): Slot[] => {
    const answer = assessment.requirements[key];
    return answer
      ? [{ key, value: layOut(requirementEntrySlots(answer), ownOrder(entryOrder, key)), kind: 'data' }]
      : [];
  });
  return layOut(slots, keyOrder.requirementProgress);
}

/**
 * The recorded key order of one entry. Own keys only: an entry keyed "constructor" or
 * "toString" in a hand-edited file must not pick up Object.prototype's function as its order.
 */
function ownOrder(orders: Record<string, string[]>, key: string): string[] | undefined {
  return Object.hasOwn(orders, key) ? orders[key] : undefined;
}
