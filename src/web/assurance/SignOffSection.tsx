import type { AssessmentRecord } from '../api/types.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import type { Approvals, Profile } from './assurance-api.js';

/** Signed off (when, which version, by whom, the attestation), or what is still missing. */
export function SignOffSection(props: {
  record: AssessmentRecord;
  approvals: Approvals;
  profile: Profile;
  nameOf: (userId: string) => string;
}) {
  const t = useT();
  const { signOff, pending } = props.approvals;
  const { nameOf, record } = props;
  const noApprovers = props.profile.approvers.length === 0;
  return (
    <section aria-labelledby="signoff" data-testid="signoff">
      <h2 id="signoff">{t('assurance.signOff')}</h2>
      {signOff ? (
        <>
          <p>
            {t('assurance.signedOff', {
              date: new Date(signOff.at).toLocaleString(),
              version: signOff.version,
            })}
          </p>
          <p>{t('assurance.signedOffBy', { names: signOff.approvers.map(nameOf).join(', ') })}</p>
          {signOff.attestationId && (
            <p>
              <a
                href={`/verify/${encodeURIComponent(signOff.attestationId)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('assurance.verify')}
              </a>
            </p>
          )}
        </>
      ) : (
        <>
          <p>{t('assurance.missing')}</p>
          <ul>
            {noApprovers && <li>{t('assurance.missingApprovers')}</li>}
            {record.status === 'draft' && (
              <li>
                {t('assurance.missingDraft')}{' '}
                <Link to={{ page: 'answer', assessmentId: record.id }}>{t('assurance.toAnswer')}</Link>
              </li>
            )}
            {!noApprovers && pending.length > 0 && (
              <li>{t('assurance.missingPending', { names: pending.map(nameOf).join(', ') })}</li>
            )}
          </ul>
          <p>{t('assurance.evidenceNote')}</p>
        </>
      )}
    </section>
  );
}
