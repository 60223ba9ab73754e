import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { sealEntry, type LogEntry } from '../../core/audit/log-chain.js';
import type { Database } from '../schema.js';

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

export interface NewLogEntry {
  assessmentId: string;
  orgId: string;
  at: string;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
}

/**
 * Appends one entry to an assessment's chain inside the caller's transaction. The no-op
 * UPDATE takes the assessment's row lock first (PostgreSQL; SQLite serialises writes anyway),
 * so two writers never read the same last entry: the chain cannot fork.
 */
export async function appendLog(
  trx: Transaction<Database> | Kysely<Database>,
  entry: NewLogEntry,
): Promise<void> {
  await trx
    .updateTable('assessments')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', entry.assessmentId)
    .execute();
  const last = await trx
    .selectFrom('assessment_log')
    .select(['seq', 'hash'])
    .where('assessment_id', '=', entry.assessmentId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const sealed = sealEntry(
    {
      assessmentId: entry.assessmentId,
      seq: last ? Number(last.seq) + 1 : 1,
      at: entry.at,
      actor: entry.actor,
      event: entry.event,
      detail: entry.detail,
      prevHash: last?.hash ?? '0'.repeat(64),
    },
    sha256Hex,
  );
  await trx
    .insertInto('assessment_log')
    .values({
      assessment_id: sealed.assessmentId,
      seq: sealed.seq,
      org_id: entry.orgId,
      at: sealed.at,
      actor_user_id: sealed.actor,
      event: sealed.event,
      detail: JSON.stringify(sealed.detail),
      prev_hash: sealed.prevHash,
      hash: sealed.hash,
    })
    .execute();
}

/** Appends in a transaction of its own, for events that change no versioned row. */
export async function appendLogEntry(db: Kysely<Database>, entry: NewLogEntry): Promise<void> {
  await db.transaction().execute((trx) => appendLog(trx, entry));
}

/** An assessment's chain in order. A detail that is not JSON any more is kept as text so the hash check fails. */
export async function listLog(db: Kysely<Database>, assessmentId: string): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('assessment_log')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    assessmentId: row.assessment_id,
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor_user_id,
    event: row.event,
    detail: parseDetail(row.detail),
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { unreadable: text };
  } catch {
    return { unreadable: text };
  }
}

/** Every assessment that has a log, for `pkimm audit verify` over a whole database. */
export async function loggedAssessments(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('assessments').select('id').orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** What `verifyLoggedState` needs of one assessment, read in one go; undefined when it does not exist. */
export async function loggedState(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<
  | {
      entries: LogEntry[];
      revisions: { version: number; change: string }[];
      current: { version: number; document: string };
    }
  | undefined
> {
  const current = await db
    .selectFrom('assessments')
    .select(['version', 'document'])
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  if (!current) return undefined;
  const revisions = await db
    .selectFrom('revisions')
    .select(['version', 'change'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('version')
    .execute();
  return {
    entries: await listLog(db, assessmentId),
    revisions: revisions.map((r) => ({ version: Number(r.version), change: r.change })),
    current: { version: Number(current.version), document: current.document },
  };
}
