/**
 * A validation problem located by path segments (map keys may contain dots, so paths stay
 * arrays until a SourceDocument turns them into lines and a dotted display path).
 */
export interface PathIssue {
  path: (string | number)[];
  message: string;
}

/** Drops repeated issues (same path, same message), keeping the first of each. */
export function uniqueIssues(issues: readonly PathIssue[]): PathIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.path.map(String).join('\u0000')}\u0001${issue.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
