import { PROFILE_FIELDS, type ProfileField } from './profiles.js';

/** The smallest k anyone may configure; below it percentiles say too much about a single peer. */
export const MIN_K = 5;
export const DEFAULT_K = 10;

export type GroupFilters = Partial<Record<ProfileField, string>>;

export type PrivacyVerdict =
  | { status: 'ok' }
  | { status: 'refused'; reason: 'too-small' | 'difference-too-small'; suggestion: GroupFilters | null };

/** Counts the submissions of a group; the caller decides how (SQL, an array). */
export type GroupCounter = (filters: GroupFilters) => Promise<number>;

function activeFields(filters: GroupFilters): ProfileField[] {
  return PROFILE_FIELDS.filter((field) => filters[field] !== undefined);
}

function without(filters: GroupFilters, fields: readonly ProfileField[]): GroupFilters {
  const out: GroupFilters = {};
  for (const field of activeFields(filters))
    if (!fields.includes(field)) out[field] = filters[field] as string;
  return out;
}

/** Every subset of `items` with exactly `size` members. */
function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const [first, ...rest] = items;
  if (first === undefined) return [];
  return [...subsets(rest, size - 1).map((s) => [first, ...s]), ...subsets(rest, size)];
}

/**
 * The nearest broader group: drop as few filters as possible, and among those choices the one
 * that leaves the smallest group still of at least k. Null when even everyone is fewer than k.
 */
export async function nearestBroader(filters: GroupFilters, k: number, count: GroupCounter) {
  const fields = activeFields(filters);
  for (let drop = 1; drop <= fields.length; drop++) {
    let best: { filters: GroupFilters; size: number } | null = null;
    for (const dropped of subsets(fields, drop)) {
      const candidate = without(filters, dropped);
      const size = await count(candidate);
      if (size >= k && (best === null || size < best.size)) best = { filters: candidate, size };
    }
    if (best) return best.filters;
  }
  return null;
}

/**
 * The k rule and the differencing rule. A group of fewer than k is refused. So is a group whose
 * one-filter-broader neighbours differ from it by 1..k-1 submissions: subtracting the two answers
 * would describe that handful of peers (docs/benchmark.md).
 */
export async function checkGroup(
  filters: GroupFilters,
  size: number,
  k: number,
  count: GroupCounter,
): Promise<PrivacyVerdict> {
  if (size < k)
    return { status: 'refused', reason: 'too-small', suggestion: await nearestBroader(filters, k, count) };
  for (const field of activeFields(filters)) {
    const broader = without(filters, [field]);
    const difference = (await count(broader)) - size;
    if (difference > 0 && difference < k)
      return { status: 'refused', reason: 'difference-too-small', suggestion: broader };
  }
  return { status: 'ok' };
}
