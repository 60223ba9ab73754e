import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.js';
import { toAssessmentRecord, type AssessmentRecord } from './assessment-record.js';
import { saveIdempotent, type IdempotencyRecord } from './idempotency.js';
import { insertRevision } from './revisions.js';

export interface NewAssessment {
  id: string;
  orgId: string;
  title: string;
  modelId: string;
  modelVersion: string;
  mode: string;
  type: string | null;
  document: unknown;
  actor: string;
  at: string;
  /** The first revision's kind: `create` or `import`. */
  kind: string;
  idempotency?: { record: IdempotencyRecord; notBefore: string };
}

/**
 * Inserts a new assessment row at version 1 and its first revision (the whole document) in
 * the caller's transaction. Every way an assessment comes into being (create, import, the
 * next cycle, a correction) goes through here, so none can exist without its history and log.
 */
export async function insertNewAssessment(
  trx: Transaction<Database>,
  input: Omit<NewAssessment, 'idempotency'>,
): Promise<AssessmentRecord> {
  const document = JSON.stringify(input.document);
  const row = await trx
    .insertInto('assessments')
    .values({
      id: input.id,
      org_id: input.orgId,
      title: input.title,
      model_id: input.modelId,
      model_version: input.modelVersion,
      mode: input.mode,
      type: input.type,
      status: 'draft',
      version: 1,
      document,
      created_by: input.actor,
      created_at: input.at,
      updated_at: input.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertRevision(trx, {
    assessmentId: input.id,
    orgId: input.orgId,
    version: 1,
    actor: input.actor,
    at: input.at,
    kind: input.kind,
    change: { path: [], before: null, after: input.document },
    documentText: document,
  });
  return toAssessmentRecord(row);
}

/** Stores a new assessment with its first revision (and the idempotent reply) in one transaction. */
export async function createAssessment(
  db: Kysely<Database>,
  input: NewAssessment,
): Promise<AssessmentRecord> {
  return db.transaction().execute(async (trx) => {
    const record = await insertNewAssessment(trx, input);
    if (input.idempotency) await saveIdempotent(trx, input.idempotency.record, input.idempotency.notBefore);
    return record;
  });
}

export async function getAssessment(db: Kysely<Database>, id: string): Promise<AssessmentRecord | undefined> {
  const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAssessmentRecord(row) : undefined;
}

/** An organisation's assessments, most recently changed first. */
export async function listAssessments(db: Kysely<Database>, orgId: string): Promise<AssessmentRecord[]> {
  const rows = await db
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toAssessmentRecord);
}

/**
 * Deletes an assessment with its revisions, grants and evidence (foreign keys cascade),
 * unless it is final: the status is checked in the same statement, so an assessment
 * finalised a moment earlier is never deleted. Returns whether a row went.
 */
export async function deleteAssessment(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('assessments')
    .where('id', '=', id)
    .where('status', '<>', 'final')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
