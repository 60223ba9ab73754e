import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { insertNewAssessment, type NewAssessment } from './assessments/assessments.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface CorrectionRecord {
  correctionId: string;
  originalId: string;
  reason: string;
  createdBy: string;
  createdAt: string;
  /** The title of the assessment on the other side of the link. */
  title: string;
}

/**
 * Stores the correcting assessment at version 1 with its first revision and the link to the
 * signed-off original, in the caller's transaction, so a correction never exists unlinked.
 */
export async function insertCorrection(
  trx: Transaction<Database>,
  input: Omit<NewAssessment, 'idempotency'> & { originalId: string; reason: string },
): Promise<void> {
  const { originalId: _originalId, reason: _reason, ...assessment } = input;
  await insertNewAssessment(trx, assessment);
  await trx
    .insertInto('corrections')
    .values({
      correction_id: input.id,
      original_id: input.originalId,
      org_id: input.orgId,
      reason: input.reason,
      created_by: input.actor,
      created_at: input.at,
    })
    .execute();
}

/** The assessment this one corrects (if any) and the corrections made of it, oldest first. */
export async function correctionLinks(
  db: Db,
  assessmentId: string,
): Promise<{ correctionOf: CorrectionRecord | null; corrections: CorrectionRecord[] }> {
  const base = db
    .selectFrom('corrections as c')
    .select(['c.correction_id', 'c.original_id', 'c.reason', 'c.created_by', 'c.created_at']);
  const up = await base
    .innerJoin('assessments as a', 'a.id', 'c.original_id')
    .select('a.title')
    .where('c.correction_id', '=', assessmentId)
    .executeTakeFirst();
  const down = await base
    .innerJoin('assessments as a', 'a.id', 'c.correction_id')
    .select('a.title')
    .where('c.original_id', '=', assessmentId)
    .orderBy('c.created_at')
    .orderBy('c.correction_id')
    .execute();
  const record = (row: NonNullable<typeof up>): CorrectionRecord => ({
    correctionId: row.correction_id,
    originalId: row.original_id,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    title: row.title,
  });
  return { correctionOf: up ? record(up) : null, corrections: down.map(record) };
}
