/**
 * The hash chain of an assessment's log, as pure functions: what is hashed and how a chain is
 * checked. The digest function comes in (SHA-256 in Node), so the same check could run in a
 * browser over an exported log.
 */
import { canonicalJson } from '../attestation/canonical-json.js';

/** The hash the first entry points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LogEntry {
  assessmentId: string;
  /** 1, 2, 3, … per assessment. */
  seq: number;
  at: string;
  actor: string;
  /** e.g. `revision`, `evidence.added`, `scan.created`, `suggestion.accepted`. */
  event: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type Digest = (text: string) => string;

/** The exact text an entry's hash covers: every field but the hash, in RFC 8785 form. */
export function entryText(entry: Omit<LogEntry, 'hash'>): string {
  const { assessmentId, seq, at, actor, event, detail, prevHash } = entry;
  return canonicalJson({ assessmentId, seq, at, actor, event, detail, prevHash });
}

export function sealEntry(entry: Omit<LogEntry, 'hash'>, digest: Digest): LogEntry {
  return { ...entry, hash: digest(entryText(entry)) };
}

export interface ChainProblem {
  /** The entry where the chain breaks (0 when the problem is outside the log). */
  seq: number;
  message: string;
}

/**
 * Checks one assessment's entries (in `seq` order): numbering without gaps, each hash over its
 * own content, each entry pointing to the hash before it. Every problem is reported, so a
 * reader sees all that was changed, not only the first.
 */
export function verifyChain(entries: readonly LogEntry[], digest: Digest): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previous: LogEntry | undefined;
  entries.forEach((entry, index) => {
    if (entry.seq !== index + 1)
      problems.push({
        seq: entry.seq,
        message: `entry ${index + 1} is missing (found ${entry.seq} in its place)`,
      });
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    if (entry.prevHash !== expectedPrev)
      problems.push({ seq: entry.seq, message: 'does not point to the hash of the entry before it' });
    if (digest(entryText(entry)) !== entry.hash)
      problems.push({ seq: entry.seq, message: 'its content no longer matches its hash (it was changed)' });
    previous = entry;
  });
  return problems;
}
