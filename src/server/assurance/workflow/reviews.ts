import { DEFAULT_REVIEW_STATUS, type ReviewStatus } from '../../../core/assurance/workflow/workflow.types.js';
import { listReviews, upsertReview } from '../../../persistence/repositories/workflow-reviews.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment } from '../../assessments/open-assessment.js';
import { assertRequirementKey, openForStep, writeStep } from './workflow-context.js';

export interface ReviewView {
  key: string;
  status: ReviewStatus;
  comment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** The reviews stored so far; a requirement not listed counts as `not-provided`. */
export async function listReviewViews(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<ReviewView[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  return listReviews(deps.database.db, assessmentId);
}

export async function getReviewView(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
): Promise<ReviewView> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  assertRequirementKey(opened, key);
  const found = (await listReviews(deps.database.db, assessmentId)).find((r) => r.key === key);
  return found ?? { key, status: DEFAULT_REVIEW_STATUS, comment: null, reviewedBy: null, reviewedAt: null };
}

/** An assessor's or reviewer's judgement of a requirement's evidence; the log keeps every earlier one. */
export async function setReview(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
  input: { status: ReviewStatus; comment?: string | undefined },
): Promise<ReviewView> {
  const opened = await openForStep(deps, principal, assessmentId, 'review');
  assertRequirementKey(opened, key);
  const review = {
    key,
    status: input.status,
    comment: input.comment?.trim() || null,
    reviewedBy: opened.principal.userId,
    reviewedAt: deps.now().toISOString(),
  };
  await writeStep(
    deps,
    opened,
    {
      event: 'review.set',
      at: review.reviewedAt,
      detail: { key, status: review.status, comment: review.comment },
    },
    (trx) => upsertReview(trx, assessmentId, review),
  );
  return review;
}
