/** How far several respondents' ratings of one requirement agree. */
export interface RatingSpread {
  count: number;
  min: number | null;
  max: number | null;
  /** The middle rating; with an even count, the mean of the two middle ones. */
  median: number | null;
  /** How many respondents gave each level; every level from 1 to `levels` is present. */
  counts: Record<string, number>;
}

/** The spread of `ratings` on a scale of 1..`levels` (ratings outside it are the caller's error). */
export function ratingSpread(ratings: readonly number[], levels = 5): RatingSpread {
  const counts: Record<string, number> = {};
  for (let level = 1; level <= levels; level += 1) counts[String(level)] = 0;
  for (const rating of ratings) counts[String(rating)] = (counts[String(rating)] ?? 0) + 1;
  if (ratings.length === 0) return { count: 0, min: null, max: null, median: null, counts };
  const sorted = [...ratings].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  const median = sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
  return {
    count: sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    median,
    counts,
  };
}
