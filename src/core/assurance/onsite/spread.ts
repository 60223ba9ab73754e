/** The levels a workshop participant may give: the model's 1..5 scale. */
export type VoteLevel = 1 | 2 | 3 | 4 | 5;
export const VOTE_LEVELS: readonly VoteLevel[] = [1, 2, 3, 4, 5];

/** How far a workshop's ratings of one requirement lie apart, for the shared screen and the minutes. */
export interface VoteSpread {
  count: number;
  /** Null while nobody has voted. */
  min: VoteLevel | null;
  max: VoteLevel | null;
  /** The middle vote, or the mean of the two middle votes when the count is even (so it may be x.5). */
  median: number | null;
  /** How many votes each level got; every level is present, with 0 when nobody chose it. */
  perLevel: Record<VoteLevel, number>;
}

/** The spread of a set of votes; the order of the input does not matter. */
export function voteSpread(levels: readonly VoteLevel[]): VoteSpread {
  const perLevel: Record<VoteLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const level of levels) perLevel[level] += 1;
  const sorted = [...levels].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count, min: null, max: null, median: null, perLevel };
  const upper = sorted[Math.floor(count / 2)] as VoteLevel;
  const lower = sorted[Math.floor((count - 1) / 2)] as VoteLevel;
  return {
    count,
    min: sorted[0] as VoteLevel,
    max: sorted[count - 1] as VoteLevel,
    median: (lower + upper) / 2,
    perLevel,
  };
}
