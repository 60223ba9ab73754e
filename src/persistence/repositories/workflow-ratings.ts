import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RespondentRatingRecord {
  key: string;
  userId: string;
  email: string;
  name: string;
  level: number;
  note: string | null;
  updatedAt: string;
}

export interface ConsensusRecord {
  key: string;
  level: number;
  note: string | null;
  version: number;
  decidedBy: string;
  decidedAt: string;
}

/** Every respondent's rating of one requirement, with who gave it. */
export async function listRespondentRatings(
  db: Db,
  assessmentId: string,
  key: string,
): Promise<RespondentRatingRecord[]> {
  const rows = await db
    .selectFrom('respondent_ratings as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.requirement_key', 'r.user_id', 'r.level', 'r.note', 'r.updated_at', 'u.email', 'u.name'])
    .where('r.assessment_id', '=', assessmentId)
    .where('r.requirement_key', '=', key)
    .orderBy('u.email')
    .execute();
  return rows.map((row) => ({
    key: row.requirement_key,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    level: Number(row.level),
    note: row.note,
    updatedAt: row.updated_at,
  }));
}

/** Stores the caller's own rating; the user id comes from the session, never from the request. */
export async function upsertRespondentRating(
  db: Db,
  input: {
    assessmentId: string;
    key: string;
    userId: string;
    level: number;
    note: string | null;
    at: string;
  },
): Promise<void> {
  const values = { level: input.level, note: input.note, updated_at: input.at };
  await db
    .insertInto('respondent_ratings')
    .values({
      assessment_id: input.assessmentId,
      requirement_key: input.key,
      user_id: input.userId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_key', 'user_id']).doUpdateSet(values))
    .execute();
}

export async function getConsensus(
  db: Db,
  assessmentId: string,
  key: string,
): Promise<ConsensusRecord | undefined> {
  const row = await db
    .selectFrom('requirement_consensus')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_key', '=', key)
    .executeTakeFirst();
  return row
    ? {
        key: row.requirement_key,
        level: Number(row.level),
        note: row.note,
        version: Number(row.version),
        decidedBy: row.decided_by,
        decidedAt: row.decided_at,
      }
    : undefined;
}

export async function upsertConsensus(
  db: Db,
  assessmentId: string,
  consensus: ConsensusRecord,
): Promise<void> {
  const values = {
    level: consensus.level,
    note: consensus.note,
    version: consensus.version,
    decided_by: consensus.decidedBy,
    decided_at: consensus.decidedAt,
  };
  await db
    .insertInto('requirement_consensus')
    .values({ assessment_id: assessmentId, requirement_key: consensus.key, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_key']).doUpdateSet(values))
    .execute();
}
