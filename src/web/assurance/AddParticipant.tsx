import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { assuranceApi, PARTICIPANT_ROLES, type ParticipantRole } from './assurance-api.js';
import { displayName, type Person } from './people.js';

/** The owner's form: a member or an invited account, in one participant role. */
export function AddParticipant(props: { assessmentId: string; candidates: Person[]; onAdded: () => void }) {
  const t = useT();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ParticipantRole>('assessor');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const chosen = userId || props.candidates[0]?.userId || '';

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    setBusy(true);
    try {
      await assuranceApi.addParticipant(props.assessmentId, chosen, role);
      setDone(true);
      props.onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="add-participant" className="narrow">
      <h3 id="add-participant">{t('assurance.add')}</h3>
      <ErrorAlert error={error} />
      {done && <p role="status">{t('assurance.added')}</p>}
      {props.candidates.length === 0 ? (
        <p>{t('assurance.noCandidates')}</p>
      ) : (
        <form className="stack" onSubmit={(e) => void add(e)}>
          <label className="field">
            {t('assurance.person')}
            <select value={chosen} onChange={(e) => setUserId(e.target.value)}>
              {props.candidates.map((c) => (
                <option key={c.userId} value={c.userId}>
                  {t(c.external ? 'assurance.invitedPerson' : 'assurance.memberPerson', {
                    name: displayName(c),
                    email: c.email,
                  })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('assurance.participantRole')}
            <select value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
              {PARTICIPANT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`assurance.prole.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || !chosen}>
            {t('assurance.addSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
