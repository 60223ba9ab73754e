import { useState } from 'react';
import { indexModel } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { ApiError } from '../api/errors.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { assuranceApi } from './assurance-api.js';

const GAP_PATH = 'requirements.';

/** The requirement keys an evidence refusal names (its issues are `requirements.{key}`). */
function gapKeys(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((i) => i.path.startsWith(GAP_PATH)).map((i) => i.path.slice(GAP_PATH.length));
}

/**
 * A named approver approves or rejects the version they read (If-Match). The server's refusal
 * (their own rating, evidence gaps, a newer version) is shown as it says it; evidence gaps are
 * listed by the model's position and name.
 */
export function DecisionForm(props: {
  assessmentId: string;
  model: Model;
  version: number;
  onDecided: () => void;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function decide(decision: 'approve' | 'reject') {
    setError(undefined);
    setDone('');
    setBusy(true);
    try {
      const outcome = await assuranceApi.decide(props.assessmentId, props.version, decision, comment);
      setComment('');
      setDone(
        outcome.signOff
          ? t('assurance.signedOffNow')
          : t(decision === 'approve' ? 'assurance.approved' : 'assurance.rejected', {
              version: props.version,
            }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      // A refusal may mean the version moved on: the page reads the current state either way.
      props.onDecided();
    }
  }

  const gaps = gapKeys(error);
  const byKey = indexModel(props.model).requirementByKey;
  return (
    <section aria-labelledby="decide" className="narrow">
      <h3 id="decide">{t('assurance.decide')}</h3>
      {done && <p role="status">{done}</p>}
      {gaps.length > 0 && error instanceof Error ? (
        <div role="alert" className="alert">
          <p>{error.message}</p>
          <p>{t('assurance.gaps')}</p>
          <ul>
            {gaps.map((key) => {
              const requirement = byKey.get(key);
              return <li key={key}>{requirement ? `${requirement.position} ${requirement.name}` : key}</li>;
            })}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="stack">
        <label className="field">
          {t('assurance.comment')}
          <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
            {t('assurance.approve')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide('reject')}>
            {t('assurance.reject')}
          </button>
        </div>
      </div>
    </section>
  );
}
