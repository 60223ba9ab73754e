import type { Rating } from '../../core/assessment/assessment.types.js';
import './review.css';
import { useT } from '../i18n/useT.js';
import { EvidenceReview } from './EvidenceReview.js';
import { Questions } from './Questions.js';
import { RespondentRatings } from './RespondentRatings.js';
import type { Workflow } from './useParticipation.js';

/**
 * The review of one requirement on the answer page (docs/assurance.md#workflow): its evidence
 * review, the questions sent back to the respondents, and the respondents' own ratings with the
 * consensus. The parent keys it by requirement, so each requirement loads its own data once.
 */
export function ReviewPanel({
  assessmentId,
  requirementKey,
  workflow,
  canRate,
  currentLevel,
  levelName,
  writeRating,
}: {
  assessmentId: string;
  requirementKey: string;
  workflow: Workflow;
  /** Whether this item may be rated here at all (a shared Governance or Resources item may not). */
  canRate: boolean;
  currentLevel: Rating;
  levelName: (n: number) => string;
  /** Sends a rating write of its own (the consensus) against the page's version and adopts the result. */
  writeRating: (send: (version: number) => Promise<{ version: number }>) => Promise<void>;
}) {
  const t = useT();
  const { may, nameOf } = workflow;
  const headingId = `review-${requirementKey}`;
  return (
    <section className="review-panel" aria-labelledby={headingId} data-testid="review-panel">
      <h3 id={headingId}>{t('review.section')}</h3>
      <p className="muted">{t('review.intro')}</p>
      <EvidenceReview
        assessmentId={assessmentId}
        requirementKey={requirementKey}
        canSet={may.review}
        nameOf={nameOf}
      />
      <Questions
        assessmentId={assessmentId}
        requirementKey={requirementKey}
        canAsk={may.ask}
        canAnswer={may.answer}
        nameOf={nameOf}
      />
      <RespondentRatings
        assessmentId={assessmentId}
        requirementKey={requirementKey}
        myId={workflow.myId}
        canRespond={may.respond}
        canDecide={may.consensus && canRate}
        currentLevel={currentLevel}
        levelName={levelName}
        nameOf={nameOf}
        writeRating={writeRating}
      />
    </section>
  );
}
