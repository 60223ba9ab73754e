import type { Assessment } from '../../assessment/assessment.types.js';
import { isPlainObject, setOwn } from '../../assessment/compact.js';
import type { Model } from '../../model/model.types.js';
import { deepEqual } from './deep-equal.js';
import { buildPreserved, type OfficialKeyOrder } from './preserved.js';
import { DERIVED_TOP_LEVEL_KEYS, projectOfficial } from './project-official.js';
import { orderToRecord } from './slots.js';

/**
 * Decides what `preserved` must hold: every top-level value the writer would not produce
 * (stateSchemaVersion last, as it depends on the others), then the key orders that differ.
 */
export function keepUnreproduced(
  assessment: Assessment,
  input: Record<string, unknown>,
  model: Model,
  keyOrder: OfficialKeyOrder,
) {
  const official: Record<string, unknown> = {};
  const derived = new Set(DERIVED_TOP_LEVEL_KEYS);
  for (const [key, value] of Object.entries(input)) if (!derived.has(key)) setOwn(official, key, value);
  const check = (keys: string[]) => {
    const written = projectOfficial({ ...assessment, preserved: { official } }, model);
    for (const key of keys) {
      if (key in input && !deepEqual(written[key], input[key], { ordered: true }))
        setOwn(official, key, input[key]);
    }
  };
  check(
    DERIVED_TOP_LEVEL_KEYS.filter(
      (key) => !['stateSchemaVersion', 'progress', 'requirementProgress'].includes(key),
    ),
  );
  check(['stateSchemaVersion']);
  const ordered = Object.fromEntries(
    Object.keys(input)
      .filter((key) => key in official)
      .map((key) => [key, official[key]]),
  );
  const written = projectOfficial(
    { ...assessment, preserved: buildPreserved(ordered, keyOrder) ?? {} },
    model,
  );
  for (const map of ['progress', 'requirementProgress'] as const) {
    const inputMap = input[map];
    const writtenMap = written[map];
    if (!isPlainObject(inputMap)) continue;
    const order = orderToRecord(inputMap, isPlainObject(writtenMap) ? writtenMap : {});
    if (order) keyOrder[map] = order;
  }
  const top = orderToRecord(
    input,
    projectOfficial({ ...assessment, preserved: buildPreserved(ordered, keyOrder) ?? {} }, model),
  );
  if (top) keyOrder.top = top;
  return buildPreserved(ordered, keyOrder);
}
