import { addMonths } from './dates.js';

/** Evidence counts as stale once it is older than `maxAgeMonths` calendar months at `now`. */
export function isStale(createdAt: string, now: Date, maxAgeMonths: number): boolean {
  const created = new Date(createdAt);
  if (Number.isNaN(created.getTime())) return false;
  return addMonths(created, maxAgeMonths).getTime() < now.getTime();
}

/** The ids of the items that are stale at `now`. */
export function staleIds(
  items: readonly { id: string; createdAt: string }[],
  now: Date,
  maxAgeMonths: number,
): string[] {
  return items.filter((item) => isStale(item.createdAt, now, maxAgeMonths)).map((item) => item.id);
}
