/**
 * Suggests the valid key a user most likely meant, for "did you mean …?" hints. A candidate
 * qualifies when one string is a prefix of the other (a truncated id such as `sponsor` for
 * `sponsor-support`) or when the edit distance is small for its length; among several, the
 * closest wins and ties go to the earliest candidate (model order).
 */
export function nearestKey(given: string, candidates: Iterable<string>): string | undefined {
  const wanted = given.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const score = closeness(wanted, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Lower is closer; Infinity when the two are not close enough to suggest. */
function closeness(given: string, candidate: string): number {
  if (given === candidate) return 0;
  const longest = Math.max(given.length, candidate.length);
  if (given.length >= 3 && (candidate.startsWith(given) || given.startsWith(candidate))) {
    return Math.abs(candidate.length - given.length) / longest;
  }
  const distance = editDistance(given, candidate);
  // Very short strings are all one or two edits apart; suggesting between them is noise.
  const allowed = longest < 4 ? 0 : Math.max(1, Math.floor(longest / 4));
  return distance <= allowed ? 1 + distance : Number.POSITIVE_INFINITY;
}

/** Levenshtein distance with one rolling row. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
