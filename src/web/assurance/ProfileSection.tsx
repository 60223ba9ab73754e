import { useState, type FormEvent } from 'react';
import { levelName } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { assuranceApi, EVIDENCE_RULE_OFF, type Profile } from './assurance-api.js';

const LEVELS = [1, 2, 3, 4, 5, EVIDENCE_RULE_OFF];

/**
 * From which level a rating needs evidence reviewed as supporting, and who must approve. Owners
 * edit it until the sign-off; everyone else reads it.
 */
export function ProfileSection(props: {
  assessmentId: string;
  model: Model;
  profile: Profile;
  /** Who may be named: organisation members and approver participants. */
  candidates: { userId: string; name: string }[];
  canEdit: boolean;
  nameOf: (userId: string) => string;
  onSaved: () => void;
}) {
  const t = useT();
  const { profile, nameOf } = props;
  const [level, setLevel] = useState(profile.evidenceFromLevel);
  const [approvers, setApprovers] = useState<string[]>(profile.approvers);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const levelText = (n: number) =>
    n === EVIDENCE_RULE_OFF
      ? t('assurance.noEvidence')
      : t('assurance.evidenceLevel', { level: n, name: levelName(props.model, n) });
  // Someone named earlier stays choosable even if they are no longer a candidate.
  const choices = [...new Set([...props.candidates.map((c) => c.userId), ...profile.approvers])];

  function toggle(userId: string, on: boolean) {
    setApprovers((list) => (on ? [...list, userId] : list.filter((id) => id !== userId)));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    setBusy(true);
    try {
      await assuranceApi.saveProfile(props.assessmentId, level, approvers);
      setDone(true);
      props.onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile">
      <h2 id="profile">{t('assurance.profile')}</h2>
      {!profile.stored && <p>{t('assurance.profileDefault')}</p>}
      {props.canEdit ? (
        <form className="stack narrow" onSubmit={(e) => void save(e)}>
          <ErrorAlert error={error} />
          {done && <p role="status">{t('assurance.profileSaved')}</p>}
          <label className="field">
            {t('assurance.evidenceFrom')}
            <select value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {LEVELS.map((n) => (
                <option key={n} value={n}>
                  {levelText(n)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('assurance.approvers')}</legend>
            {choices.map((id) => (
              <label key={id} className="inline-field">
                <input
                  type="checkbox"
                  checked={approvers.includes(id)}
                  onChange={(e) => toggle(id, e.target.checked)}
                />{' '}
                {nameOf(id)}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>
            {t('assurance.saveProfile')}
          </button>
        </form>
      ) : (
        <>
          <p>{t('assurance.evidenceFromValue', { value: levelText(profile.evidenceFromLevel) })}</p>
          <h3>{t('assurance.approvers')}</h3>
          {profile.approvers.length === 0 ? (
            <p>{t('assurance.noApprovers')}</p>
          ) : (
            <ul>
              {profile.approvers.map((id) => (
                <li key={id}>{nameOf(id)}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
