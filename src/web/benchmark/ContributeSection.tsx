import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import {
  benchmarkApi,
  PROFILE_FIELDS,
  type Profile,
  type ProfileOptions,
  type Submission,
} from './benchmark-api.js';
import { profileLabel, ProfileSelect } from './ProfileSelect.js';
import { PayloadView } from './PayloadView.js';

const EMPTY: Profile = { industry: '', size: '', region: '', role: '', cas: '' };

/**
 * Contributing: the owner picks the profile, sees exactly what would be sent, then submits; the
 * organisation's current submission for this model version can be withdrawn after a second ask.
 */
export function ContributeSection({
  assessmentId,
  orgId,
  modelVersion,
  options,
  canContribute,
  isFinal,
}: {
  assessmentId: string;
  orgId: string;
  modelVersion: string;
  options: ProfileOptions;
  canContribute: boolean;
  isFinal: boolean;
}) {
  const t = useT();
  const [profile, setProfile] = useState<Profile>(EMPTY);
  const [payload, setPayload] = useState<Record<string, unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [confirming, setConfirming] = useState(false);
  const listed = useAsync(() => benchmarkApi.submissions(orgId), [orgId]);
  const current: Submission | undefined = listed.data?.submissions.find(
    (s) => s.modelVersion === modelVersion,
  );
  const complete = PROFILE_FIELDS.every((field) => profile[field] !== '');

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => setPayload((await benchmarkApi.preview(assessmentId, profile)).payload));
  const submit = () =>
    run(async () => {
      const { submission } = await benchmarkApi.submit(assessmentId, profile);
      const key = submission.replaced ? 'benchmark.replaced' : 'benchmark.submitted';
      setDone(t(key, { version: submission.modelVersion, quarter: submission.quarter }));
      setPayload(null);
      listed.reload();
    });
  const withdraw = () =>
    run(async () => {
      await benchmarkApi.withdraw(orgId, modelVersion);
      setConfirming(false);
      setDone(t('benchmark.withdrawn'));
      listed.reload();
    });

  return (
    <section aria-labelledby="benchmark-contribute">
      <h2 id="benchmark-contribute">{t('benchmark.contribute')}</h2>
      <p>{t('benchmark.contributeIntro')}</p>
      {!isFinal ? (
        <p>{t('benchmark.notFinal')}</p>
      ) : !canContribute ? (
        <p>{t('benchmark.notOwner')}</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void preview();
          }}
        >
          <fieldset className="benchmark-fields">
            <legend>{t('benchmark.profile')}</legend>
            {PROFILE_FIELDS.map((field) => (
              <ProfileSelect
                key={field}
                field={field}
                options={options}
                value={profile[field]}
                empty="choose"
                idPrefix="contribute"
                onChange={(value) => {
                  setProfile({ ...profile, [field]: value });
                  setPayload(null);
                }}
              />
            ))}
          </fieldset>
          <button type="submit" disabled={!complete || busy}>
            {t('benchmark.preview')}
          </button>
        </form>
      )}
      {payload && (
        <>
          <PayloadView payload={payload} />
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {t('benchmark.submit')}
          </button>
        </>
      )}
      <div role="status" className="save-status">
        {busy ? t('app.loading') : done}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {listed.error ? <ErrorAlert error={listed.error} /> : null}
      <h3>{t('benchmark.current')}</h3>
      {!listed.data ? null : !current ? (
        <p data-testid="no-submission">{t('benchmark.noSubmission', { version: modelVersion })}</p>
      ) : (
        <>
          <table className="data" data-testid="submission">
            <caption>{t('benchmark.submissionCaption', { version: modelVersion })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('benchmark.colField')}</th>
                <th scope="col">{t('benchmark.colValue')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('benchmark.colQuarter')}</th>
                <td>{current.quarter}</td>
              </tr>
              {PROFILE_FIELDS.map((field) => (
                <tr key={field}>
                  <th scope="row">{t(`benchmark.field.${field}`)}</th>
                  <td>{profileLabel(options, field, current.profile[field])}</td>
                </tr>
              ))}
              {current.submittedAt && (
                <tr>
                  <th scope="row">{t('benchmark.colSubmitted')}</th>
                  <td>{current.submittedAt}</td>
                </tr>
              )}
            </tbody>
          </table>
          {canContribute &&
            (confirming ? (
              <div role="group" aria-label={t('benchmark.withdraw')}>
                <p>{t('benchmark.confirmWithdraw', { version: modelVersion })}</p>
                <button type="button" disabled={busy} onClick={() => void withdraw()}>
                  {t('benchmark.withdrawYes')}
                </button>{' '}
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('benchmark.withdrawNo')}
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                {t('benchmark.withdraw')}
              </button>
            ))}
        </>
      )}
    </section>
  );
}
