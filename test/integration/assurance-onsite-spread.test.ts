/** The spread of workshop votes, checked against a plain recount of the same votes. */
import { describe, expect, it } from 'vitest';
import { VOTE_LEVELS, voteSpread, type VoteLevel } from '../../src/core/assurance/onsite/spread.js';

/** A small deterministic generator, so the sample sets are the same on every run. */
function sampleSets(): VoteLevel[][] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: 200 }, (_, i) =>
    Array.from({ length: i % 12 }, () => VOTE_LEVELS[next() % 5] as VoteLevel),
  );
}

describe('voteSpread', () => {
  it('has no extremes or median without votes, and every level counted as zero', () => {
    expect(voteSpread([])).toEqual({
      count: 0,
      min: null,
      max: null,
      median: null,
      perLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
  });

  it('takes the middle vote for an odd count and the mean of the two middle ones for an even count', () => {
    expect(voteSpread([5, 1, 3]).median).toBe(3);
    expect(voteSpread([4, 1, 2, 5]).median).toBe(3);
    expect(voteSpread([2, 3]).median).toBe(2.5);
  });

  it('agrees with a recount on many sets, whatever their order', () => {
    for (const votes of sampleSets()) {
      const spread = voteSpread(votes);
      const sorted = [...votes].sort((a, b) => a - b);
      expect(spread.count).toBe(votes.length);
      for (const level of VOTE_LEVELS)
        expect(spread.perLevel[level]).toBe(votes.filter((v) => v === level).length);
      if (votes.length === 0) continue;
      expect(spread.min).toBe(Math.min(...votes));
      expect(spread.max).toBe(Math.max(...votes));
      // Half the votes lie at or below the median and half at or above it.
      const median = spread.median ?? Number.NaN;
      expect(sorted.filter((v) => v <= median).length * 2).toBeGreaterThanOrEqual(votes.length);
      expect(sorted.filter((v) => v >= median).length * 2).toBeGreaterThanOrEqual(votes.length);
      expect(voteSpread([...votes].reverse())).toEqual(spread);
    }
  });
});
