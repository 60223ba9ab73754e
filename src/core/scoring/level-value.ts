import type { LevelNumber, Model } from '../model/model.types.js';
import { levelName } from '../model/model-index.js';
import type { LevelValue } from './score.types.js';

/**
 * The reported level of a raw value: floor, clamped to 1..5, never rounded up. Flooring
 * happens once, here, on the unrounded value; roll-ups always use the raw values.
 */
export function toLevelValue(model: Model, raw: number | null): LevelValue {
  if (raw === null || !(raw > 0)) return { raw: null, level: null, levelName: null, progress: null };
  const level = Math.min(5, Math.max(1, Math.floor(raw))) as LevelNumber;
  return { raw, level, levelName: levelName(model, level), progress: raw >= 5 ? 0 : raw - Math.floor(raw) };
}

/** Σ(value·weight)/Σweight over the items with a positive value; null when none. */
export function weightedAverage<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  weight: (item: T) => number,
) {
  let weighted = 0;
  let weightSum = 0;
  for (const item of items) {
    const v = value(item);
    if (v === null || !(v > 0)) continue;
    const w = weight(item);
    weighted += v * w;
    weightSum += w;
  }
  return { raw: weightSum > 0 ? weighted / weightSum : null, weightSum };
}
