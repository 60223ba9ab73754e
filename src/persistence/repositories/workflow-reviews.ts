import type { Kysely, Transaction } from 'kysely';
import type { ReviewStatus } from '../../core/assurance/workflow/workflow.types.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ReviewRecord {
  key: string;
  status: ReviewStatus;
  comment: string | null;
  reviewedBy: string;
  reviewedAt: string;
}

/** The stored evidence reviews of an assessment, by requirement key in key order. */
export async function listReviews(db: Db, assessmentId: string): Promise<ReviewRecord[]> {
  const rows = await db
    .selectFrom('requirement_reviews')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('requirement_key')
    .execute();
  return rows.map((row) => ({
    key: row.requirement_key,
    status: row.status,
    comment: row.comment,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
  }));
}

/** The review statuses as the evidence rule takes them. */
export async function reviewStatuses(db: Db, assessmentId: string): Promise<Map<string, ReviewStatus>> {
  return new Map((await listReviews(db, assessmentId)).map((r) => [r.key, r.status]));
}

export async function upsertReview(db: Db, assessmentId: string, review: ReviewRecord): Promise<void> {
  const values = {
    status: review.status,
    comment: review.comment,
    reviewed_by: review.reviewedBy,
    reviewed_at: review.reviewedAt,
  };
  await db
    .insertInto('requirement_reviews')
    .values({ assessment_id: assessmentId, requirement_key: review.key, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'requirement_key']).doUpdateSet(values))
    .execute();
}
