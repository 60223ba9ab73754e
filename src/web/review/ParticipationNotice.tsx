import { useT } from '../i18n/useT.js';
import type { WorkflowPermissions } from './participation.js';

/** Why the level controls are off although the user's role would rate: their part in the workflow. */
export function ParticipationNotice({
  may,
  assessmentId,
}: {
  may: WorkflowPermissions;
  assessmentId: string;
}) {
  const t = useT();
  if (may.rateBlocked === null) return null;
  if (may.rateBlocked === 'statement')
    return (
      <p className="notice" data-testid="participation-notice">
        {t('review.notice.statement')}{' '}
        {/* Built here rather than through the router, whose assurance route belongs to that page. */}
        <a href={`#/assessments/${encodeURIComponent(assessmentId)}/assurance`}>
          {t('review.notice.statementLink')}
        </a>
      </p>
    );
  const roles = may.participantRoles.map((r) => t(`review.role.${r}`)).join(', ');
  return (
    <p className="notice" data-testid="participation-notice">
      {roles ? t('review.notice.participant', { roles }) : t('review.notice.noPart')}
    </p>
  );
}
