import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.js';
import type { AssessmentColumns } from './assessment-record.js';
import { saveIdempotent, type IdempotencyRecord } from './idempotency.js';
import { insertRevision, type RevisionChange } from './revisions.js';

export interface ChangeToApply {
  assessmentId: string;
  /** The version the change was computed from; the write happens only if it is still current. */
  expectedVersion: number;
  actor: string;
  at: string;
  kind: string;
  change: RevisionChange;
  nextDocument: unknown;
  nextColumns?: AssessmentColumns;
  /** The response to replay for a retried request, committed with the change. */
  idempotency?: { record: IdempotencyRecord; notBefore: string };
}

export type ApplyOutcome = { applied: true; version: number } | { applied: false };

/**
 * Writes one change with optimistic concurrency, in one transaction: the conditional UPDATE
 * (`version = expected`) is the lock. Of concurrent writers holding the same version exactly
 * one updates a row; on PostgreSQL the others wait for its row lock, re-check the condition
 * and match nothing; on SQLite writes are serialised anyway. The revision and the
 * idempotency record are written only by the winner, so a conflict leaves nothing behind.
 */
export async function applyChange(
  db: Kysely<Database>,
  input: ChangeToApply,
  alongside?: AlongsideChange,
): Promise<ApplyOutcome> {
  return db.transaction().execute(async (trx) => {
    await alongside?.before?.(trx);
    const outcome = await applyChangeIn(trx, input);
    if (outcome.applied) await alongside?.after?.(trx, outcome.version);
    return outcome;
  });
}

/**
 * Writes that must commit or fail together with a change (a consensus or a workshop agreement
 * next to its rating). `before` runs first in the transaction, so a caller can take its locks
 * in the order its other writers take them; `after` runs once the revision is written and gets
 * the new version. Whatever either throws rolls the change back too.
 */
export interface AlongsideChange {
  before?: (trx: Transaction<Database>) => Promise<void>;
  after?: (trx: Transaction<Database>, version: number) => Promise<void>;
}

/** The same inside the caller's transaction, for a step that must commit together with the change (sign-off). */
export async function applyChangeIn(trx: Transaction<Database>, input: ChangeToApply): Promise<ApplyOutcome> {
  const columns = input.nextColumns ?? {};
  const documentText = JSON.stringify(input.nextDocument);
  const updated = await trx
    .updateTable('assessments')
    .set((eb) => ({
      document: documentText,
      updated_at: input.at,
      version: eb('version', '+', 1),
      ...(columns.title === undefined ? {} : { title: columns.title }),
      ...(columns.type === undefined ? {} : { type: columns.type }),
      ...(columns.mode === undefined ? {} : { mode: columns.mode }),
      ...(columns.status === undefined ? {} : { status: columns.status }),
    }))
    .where('id', '=', input.assessmentId)
    .where('version', '=', input.expectedVersion)
    .returning(['org_id', 'version'])
    .executeTakeFirst();
  if (!updated) return { applied: false };
  const version = Number(updated.version);
  await insertRevision(trx, {
    assessmentId: input.assessmentId,
    orgId: updated.org_id,
    version,
    actor: input.actor,
    at: input.at,
    kind: input.kind,
    change: input.change,
    documentText,
  });
  if (input.idempotency) await saveIdempotent(trx, input.idempotency.record, input.idempotency.notBefore);
  return { applied: true, version };
}
