/**
 * Whether an assessment's stored state is what its log vouches for: the chain itself, every
 * revision row against the digest logged for it, and the current document against the last
 * logged revision. Pure: the rows and the digest function come in.
 */
import { verifyChain, type ChainProblem, type Digest, type LogEntry } from './log-chain.js';

export interface LoggedState {
  entries: readonly LogEntry[];
  /** The revisions table's rows: version and the stored change text. */
  revisions: readonly { version: number; change: string }[];
  /** The assessments row: current version and stored document text. */
  current: { version: number; document: string };
}

export interface LogVerification {
  valid: boolean;
  entries: number;
  /** The last entry's hash: quote it elsewhere (a report, an attestation) to anchor the chain. */
  head: string | null;
  problems: ChainProblem[];
}

export function verifyLoggedState(state: LoggedState, digest: Digest): LogVerification {
  const problems = verifyChain(state.entries, digest);
  const logged = new Map<number, LogEntry>();
  for (const entry of state.entries) {
    if (entry.event !== 'revision') continue;
    const version = entry.detail['version'];
    if (typeof version === 'number') logged.set(version, entry);
  }
  // Assessments older than the log have revisions from before its first entry.
  const firstLogged = Math.min(...logged.keys());
  const rows = new Map(state.revisions.map((r) => [r.version, r.change]));
  for (const [version, change] of rows) {
    if (version < firstLogged) continue;
    const entry = logged.get(version);
    if (!entry) problems.push({ seq: 0, message: `revision ${version} is not in the log` });
    else if (entry.detail['change'] !== digest(change))
      problems.push({ seq: entry.seq, message: `revision ${version} was changed after it was logged` });
  }
  for (const [version, entry] of logged) {
    if (!rows.has(version)) problems.push({ seq: entry.seq, message: `revision ${version} was deleted` });
  }
  const last = [...logged.values()].at(-1);
  if (last) {
    if (last.detail['version'] !== state.current.version)
      problems.push({
        seq: last.seq,
        message: `the assessment is at version ${state.current.version} but the log ends at version ${String(last.detail['version'])}`,
      });
    else if (last.detail['document'] !== digest(state.current.document))
      problems.push({
        seq: last.seq,
        message: 'the stored document differs from what its last logged revision wrote',
      });
  }
  return {
    valid: problems.length === 0,
    entries: state.entries.length,
    head: state.entries.at(-1)?.hash ?? null,
    problems: problems.sort((a, b) => a.seq - b.seq),
  };
}
