import { setOwn } from '../../assessment/compact.js';

/**
 * One key the official writer may emit, with what kind of value it holds:
 * - `data`: comes from the assessment; always written;
 * - `default`: what the app writes when there is nothing to say (a seeded entry, `notes: ''`);
 *   written in a fresh export, but not added back to a file whose recorded layout lacked it;
 * - `empty`: written only when a recorded layout asks for it (e.g. an empty `requirementProgress`).
 */
export interface Slot {
  key: string;
  value: unknown;
  kind: 'data' | 'default' | 'empty';
}

/**
 * Builds an object from slots. Without a recorded key order: the data and default slots in
 * canonical order. With one: exactly the recorded keys that still have a value, in that
 * order, then any data slot the record did not know (so later edits are not lost).
 */
export function layOut(slots: readonly Slot[], order?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!order) {
    for (const slot of slots)
      if (slot.kind !== 'empty' && slot.value !== undefined) setOwn(out, slot.key, slot.value);
    return out;
  }
  const byKey = new Map(slots.map((slot) => [slot.key, slot]));
  for (const key of order) {
    const slot = byKey.get(key);
    if (slot && slot.value !== undefined && !Object.prototype.hasOwnProperty.call(out, key))
      setOwn(out, key, slot.value);
  }
  for (const slot of slots) {
    if (
      slot.kind === 'data' &&
      slot.value !== undefined &&
      !Object.prototype.hasOwnProperty.call(out, slot.key)
    ) {
      setOwn(out, slot.key, slot.value);
    }
  }
  return out;
}

/** The input's key order when the writer would not produce exactly it; undefined when it would. */
export function orderToRecord(
  input: Record<string, unknown>,
  written: Record<string, unknown>,
): string[] | undefined {
  const want = Object.keys(input);
  const got = Object.keys(written);
  return want.length === got.length && want.every((key, i) => key === got[i]) ? undefined : want;
}

/** Slots for keys the writer has no rule for (kept fields), in their stored order. */
export function extraSlots(extra: Record<string, unknown> | undefined, skip: ReadonlySet<string>): Slot[] {
  if (!extra) return [];
  return Object.entries(extra)
    .filter(([key]) => !skip.has(key))
    .map(([key, value]): Slot => ({ key, value, kind: 'data' }));
}
