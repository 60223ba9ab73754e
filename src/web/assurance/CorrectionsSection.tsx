import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { assuranceApi, type Correction, type Corrections } from './assurance-api.js';

/** One side of a correction link: the other assessment (by its title) and the reason. */
function CorrectionLink({ otherId, correction }: { otherId: string; correction: Correction }) {
  const t = useT();
  return (
    <>
      <Link to={{ page: 'assurance', assessmentId: otherId }}>{correction.title}</Link>{' '}
      <span className="assurance-text">
        {t('assurance.correctionItem', {
          reason: correction.reason,
          date: new Date(correction.createdAt).toLocaleString(),
        })}
      </span>
    </>
  );
}

/**
 * A signed-off assessment stays frozen; an owner corrects it with a new draft copy, linked both
 * ways with the reason.
 */
export function CorrectionsSection(props: {
  assessmentId: string;
  corrections: Corrections;
  canCorrect: boolean;
  onCreated: () => void;
}) {
  const t = useT();
  const { correctionOf, corrections } = props.corrections;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [created, setCreated] = useState<Correction | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setBusy(true);
    try {
      setCreated(await assuranceApi.correct(props.assessmentId, reason));
      setReason('');
      props.onCreated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">{t('assurance.corrections')}</h2>
      {correctionOf && (
        <p>
          {t('assurance.correctionOf')}{' '}
          <CorrectionLink otherId={correctionOf.originalId} correction={correctionOf} />
        </p>
      )}
      {corrections.length > 0 && (
        <>
          <h3>{t('assurance.correctionsOf')}</h3>
          <ul>
            {corrections.map((c) => (
              <li key={c.correctionId}>
                <CorrectionLink otherId={c.correctionId} correction={c} />
              </li>
            ))}
          </ul>
        </>
      )}
      {!correctionOf && corrections.length === 0 && <p>{t('assurance.noCorrections')}</p>}
      {created && (
        <p role="status">
          {t('assurance.corrected')}{' '}
          <Link to={{ page: 'assurance', assessmentId: created.correctionId }}>{created.title}</Link>
        </p>
      )}
      {props.canCorrect ? (
        <form className="stack narrow" onSubmit={(e) => void submit(e)}>
          <ErrorAlert error={error} />
          <label className="field">
            {t('assurance.reason')}
            <textarea rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy}>
            {t('assurance.correct')}
          </button>
        </form>
      ) : (
        !correctionOf &&
        corrections.length === 0 && <p className="muted">{t('assurance.correctionsOnlySigned')}</p>
      )}
    </section>
  );
}
