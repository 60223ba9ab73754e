import type { AssessmentType } from '../assessment/assessment.types.js';

/** Third-party assessments count three times, formal twice, self-assessments once (docs/benchmark.md). */
export const TRUST_WEIGHTS: Record<AssessmentType, number> = { 'third-party': 3, formal: 2, self: 1 };

export interface WeightedValue {
  value: number;
  weight: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface Distribution {
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  histogram: HistogramBin[];
}

const QUANTILES = { p10: 0.1, p25: 0.25, median: 0.5, p75: 0.75, p90: 0.9 } as const;
const STEP = 0.05;
const BIN = 0.5;

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Rounds to the grid and strips float noise, so 2.1500000001 is 2.15. */
function grid(value: number): number {
  return Number(round(value, STEP).toFixed(2));
}

/**
 * A quantile that no single value can be read off: the (weighted) mean of a window of at least
 * `k` neighbouring order statistics around the rank, rounded to 0.05. With k ≥ 5 every figure
 * blends at least five submissions.
 */
export function windowQuantile(sorted: readonly number[], q: number, k: number): number {
  const n = sorted.length;
  const width = Math.min(n, Math.max(k, 1));
  const centre = q * (n - 1);
  let start = Math.round(centre - (width - 1) / 2);
  start = Math.max(0, Math.min(n - width, start));
  let sum = 0;
  for (let i = start; i < start + width; i++) sum += sorted[i] ?? 0;
  return grid(sum / width);
}

/** Repeats each value by its (whole) weight: trust weighting is then ordinary order statistics. */
export function expand(values: readonly WeightedValue[]): number[] {
  const out: number[] = [];
  for (const { value, weight } of values) for (let i = 0; i < weight; i++) out.push(value);
  return out.sort((a, b) => a - b);
}

/**
 * Histogram over 0..5 in bins of 0.5; a bin with fewer than `threshold` entries is merged into
 * its right neighbour (the last into its left), so no bin ever shows one lonely submission.
 */
export function histogram(sorted: readonly number[], threshold: number): HistogramBin[] {
  const bins: HistogramBin[] = [];
  for (let from = 0; from < 5; from += BIN) {
    const to = from + BIN;
    const last = to >= 5;
    const count = sorted.filter((v) => v >= from && (last ? v <= to : v < to)).length;
    bins.push({ from, to, count });
  }
  const merged: HistogramBin[] = [];
  let carry: HistogramBin | null = null;
  for (const bin of bins) {
    const current: HistogramBin = carry
      ? { from: carry.from, to: bin.to, count: carry.count + bin.count }
      : bin;
    if (current.count === 0 || current.count >= threshold) {
      merged.push(current);
      carry = null;
    } else carry = current;
  }
  if (carry) {
    const previous = merged.pop();
    merged.push(
      previous ? { from: previous.from, to: carry.to, count: previous.count + carry.count } : carry,
    );
  }
  return merged;
}

export function distribution(values: readonly WeightedValue[], k: number): Distribution {
  const sorted = expand(values);
  const out = { histogram: histogram(sorted, Math.min(5, k)) } as Distribution;
  for (const [name, q] of Object.entries(QUANTILES))
    out[name as keyof typeof QUANTILES] = windowQuantile(sorted, q, k);
  return out;
}

/**
 * Where `value` stands: the share of the group below it plus half the share equal to it, in
 * whole multiples of 5 percent (so one peer more or less rarely moves it).
 */
export function percentileOf(value: number, values: readonly WeightedValue[]): number {
  let below = 0;
  let equal = 0;
  let total = 0;
  for (const v of values) {
    total += v.weight;
    if (v.value < value) below += v.weight;
    else if (v.value === value) equal += v.weight;
  }
  return total === 0 ? 0 : round(((below + equal / 2) / total) * 100, 5);
}
