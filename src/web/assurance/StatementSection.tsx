import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { assuranceApi, type Statement } from './assurance-api.js';

/**
 * The signed-in participant's own statement of independence and qualification. Only they can
 * give it; an invited assessor may not judge the assessment until it is on record.
 */
export function StatementSection(props: {
  assessmentId: string;
  statement: Statement | null;
  blocked: boolean;
  canState: boolean;
  onStated: () => void;
}) {
  const t = useT();
  const [independence, setIndependence] = useState('');
  const [qualification, setQualification] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { statement } = props;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      await assuranceApi.state(props.assessmentId, independence, qualification);
      setDone(true);
      props.onStated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="statement">
      <h2 id="statement">{t('assurance.statement')}</h2>
      {props.blocked && <p className="alert">{t('assurance.statementBlocked')}</p>}
      {done && <p role="status">{t('assurance.statementSaved')}</p>}
      {statement ? (
        <>
          <p>{t('assurance.statedAt', { date: new Date(statement.statedAt).toLocaleString() })}</p>
          <dl>
            <dt>{t('assurance.independence')}</dt>
            <dd className="assurance-text">{statement.independence}</dd>
            <dt>{t('assurance.qualification')}</dt>
            <dd className="assurance-text">{statement.qualification}</dd>
          </dl>
        </>
      ) : (
        props.canState && (
          <form className="stack narrow" onSubmit={(e) => void submit(e)}>
            <ErrorAlert error={error} />
            <label className="field">
              {t('assurance.independence')}
              <textarea
                rows={4}
                required
                value={independence}
                onChange={(e) => setIndependence(e.target.value)}
              />
            </label>
            <label className="field">
              {t('assurance.qualification')}
              <textarea
                rows={4}
                required
                value={qualification}
                onChange={(e) => setQualification(e.target.value)}
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              {t('assurance.state')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
