import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';

/** Invites an external assessor to one assessment only. */
export function GrantForm({ orgId }: { orgId: string }) {
  const t = useT();
  const list = useAsync(() => api.assessments(orgId), [orgId]);
  const [assessmentId, setAssessmentId] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const assessments = list.data?.assessments ?? [];
  const chosen = assessmentId || assessments[0]?.id || '';

  async function grant(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await api.grant(chosen, email);
      setEmail('');
      setDone(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="grant-title" className="narrow">
      <h2 id="grant-title">{t('members.grantTitle')}</h2>
      <ErrorAlert error={error} />
      {done && <p role="status">{t('members.granted')}</p>}
      <form className="stack" onSubmit={(e) => void grant(e)}>
        <label className="field">
          {t('members.assessment')}
          <select value={chosen} onChange={(e) => setAssessmentId(e.target.value)}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('members.grantEmail')}
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!chosen}>
          {t('members.grant')}
        </button>
      </form>
    </section>
  );
}
