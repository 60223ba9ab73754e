import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { useDateTime } from '../scan/format.js';
import { REVIEW_STATUSES, reviewApi, type ReviewStatus, type ReviewView } from './review-api.js';
import { useStep, type Step } from './useStep.js';

/** A requirement's evidence review: what was judged, by whom and when; assessors and reviewers set it. */
export function EvidenceReview({
  assessmentId,
  requirementKey,
  canSet,
  nameOf,
}: {
  assessmentId: string;
  requirementKey: string;
  canSet: boolean;
  nameOf: (userId: string | null) => string;
}) {
  const t = useT();
  const when = useDateTime();
  const review = useAsync(
    () => reviewApi.review(assessmentId, requirementKey),
    [assessmentId, requirementKey],
  );
  const data = review.data;
  // Outside the form, which is replaced after each save: the outcome must outlive it.
  const step = useStep();
  return (
    <div className="review-part">
      <h4>{t('review.evidence.heading')}</h4>
      {review.error !== undefined && <ErrorAlert error={review.error} />}
      {data && (
        <>
          <p data-testid="review-status" data-status={data.status}>
            {t('review.evidence.status', { status: t(`review.status.${data.status}`) })}
          </p>
          <p className="muted">
            {data.reviewedBy
              ? t('review.evidence.reviewedBy', {
                  name: nameOf(data.reviewedBy),
                  date: when(data.reviewedAt ?? undefined),
                })
              : t('review.evidence.never')}
          </p>
          {data.comment && (
            <>
              <p>{t('review.evidence.comment')}</p>
              <p className="prewrap" data-testid="review-comment">
                {data.comment}
              </p>
            </>
          )}
          {canSet && (
            <ReviewForm
              // A fresh form whenever the stored review changes, so it starts from what was saved.
              key={data.reviewedAt ?? 'never'}
              assessmentId={assessmentId}
              initial={data}
              step={step}
              onSaved={review.reload}
            />
          )}
        </>
      )}
      {canSet && (
        <>
          <ErrorAlert error={step.error} />
          <p role="status">{step.done}</p>
        </>
      )}
    </div>
  );
}

function ReviewForm({
  assessmentId,
  initial,
  step,
  onSaved,
}: {
  assessmentId: string;
  initial: ReviewView;
  step: Step;
  onSaved: () => void;
}) {
  const t = useT();
  const [status, setStatus] = useState<ReviewStatus>(initial.status);
  const [comment, setComment] = useState(initial.comment ?? '');
  const id = `review-${initial.key}`;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void step
          .run(
            () => reviewApi.setReview(assessmentId, initial.key, status, comment),
            t('review.evidence.saved'),
          )
          .then((ok) => ok && onSaved());
      }}
    >
      <p className="plan-field">
        <label htmlFor={`${id}-status`}>{t('review.evidence.select')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as ReviewStatus)}
        >
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`review.status.${s}`)}
            </option>
          ))}
        </select>
      </p>
      <p className="plan-field">
        <label htmlFor={`${id}-comment`}>{t('review.evidence.commentField')}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </p>
      <p>
        <button type="submit" disabled={step.busy}>
          {t('review.evidence.save')}
        </button>
      </p>
    </form>
  );
}
