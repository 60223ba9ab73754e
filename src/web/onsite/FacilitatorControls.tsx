import { useRef, useState, type FormEvent } from 'react';
import { indexModel } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { onsiteApi, type WorkshopView } from './onsite-api.js';
import { requirementLabel } from './requirements.js';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * What only the facilitator does: choose the requirement, type in votes for people without a
 * device, record the agreed rating with the discussion notes, and close the session. Every
 * write answers with the whole view, which is shown at once instead of waiting for the next poll.
 */
export function FacilitatorControls({
  assessmentId,
  view,
  model,
  levelName,
  onView,
}: {
  assessmentId: string;
  view: WorkshopView;
  model: Model;
  levelName: (n: number) => string;
  onView: (view: WorkshopView) => void;
}) {
  const t = useT();
  const wid = view.workshop.id;
  const requirements = indexModel(model).requirements;
  const currentKey = view.current?.key ?? null;
  const at = requirements.findIndex((r) => r.key === currentKey);
  const [chosen, setChosen] = useState(currentKey ?? requirements[0]?.key ?? '');
  const [participant, setParticipant] = useState('');
  const [typedLevel, setTypedLevel] = useState('');
  const [agreedLevel, setAgreedLevel] = useState('');
  const [notes, setNotes] = useState('');
  const [confirmClose, setConfirmClose] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  const run = async (action: () => Promise<WorkshopView>, done: (next: WorkshopView) => string) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const next = await action();
      onView(next);
      setMessage(done(next));
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const moveTo = async (key: string) => {
    if (
      await run(
        () => onsiteApi.setCurrent(assessmentId, wid, key),
        () => t('onsite.moved', { requirement: requirementLabel(model, key) }),
      )
    ) {
      setChosen(key);
      // The agreement form belongs to the requirement just left.
      setAgreedLevel('');
      setNotes('');
    }
  };
  const addVote = async (event: FormEvent) => {
    event.preventDefault();
    const name = participant;
    if (
      await run(
        () => onsiteApi.vote(assessmentId, wid, Number(typedLevel), name),
        () => t('onsite.voteAdded', { name, level: levelName(Number(typedLevel)) }),
      )
    ) {
      setParticipant('');
      setTypedLevel('');
    }
  };
  const recordAgreement = async (event: FormEvent) => {
    event.preventDefault();
    let version = 0;
    await run(
      async () => {
        const reply = await onsiteApi.agree(assessmentId, wid, Number(agreedLevel), notes);
        version = reply.version;
        return reply;
      },
      () => t('onsite.agreed', { level: levelName(Number(agreedLevel)), version }),
    );
  };
  const close = async () => {
    setConfirmClose(false);
    await run(
      () => onsiteApi.close(assessmentId, wid),
      () => t('onsite.closedMessage'),
    );
    statusRef.current?.focus();
  };
  const neighbour = (step: number) => requirements[at + step]?.key;
  const previous = neighbour(-1);
  const next = at === -1 ? requirements[0]?.key : neighbour(1);

  return (
    <section aria-labelledby="controls-heading" className="onsite-controls">
      <h2 id="controls-heading">{t('onsite.controls')}</h2>
      <p role="status" tabIndex={-1} ref={statusRef}>
        {message}
      </p>
      <ErrorAlert error={error} />
      <div className="row">
        <div className="field">
          <label htmlFor="choose-requirement">{t('onsite.chooseRequirement')}</label>
          <select id="choose-requirement" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {requirements.map((r) => (
              <option key={r.key} value={r.key}>
                {r.position} {r.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void moveTo(chosen)}>
          {t('onsite.discuss')}
        </button>
        <button
          type="button"
          disabled={busy || previous === undefined}
          onClick={() => previous && void moveTo(previous)}
        >
          {t('onsite.previous')}
        </button>
        <button type="button" disabled={busy || next === undefined} onClick={() => next && void moveTo(next)}>
          {t('onsite.next')}
        </button>
      </div>
      {view.current && (
        <>
          <form aria-label={t('onsite.typeInForm')} className="row" onSubmit={(e) => void addVote(e)}>
            <div className="field">
              <label htmlFor="typed-name">{t('onsite.participantName')}</label>
              <input
                id="typed-name"
                value={participant}
                required
                maxLength={200}
                onChange={(e) => setParticipant(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="typed-level">{t('onsite.level')}</label>
              <select
                id="typed-level"
                value={typedLevel}
                required
                onChange={(e) => setTypedLevel(e.target.value)}
              >
                <option value="">{t('onsite.chooseLevel')}</option>
                {LEVELS.map((n) => (
                  <option key={n} value={n}>
                    {levelName(n)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" disabled={busy}>
              {t('onsite.addVote')}
            </button>
          </form>
          <form
            aria-label={t('onsite.agreeForm')}
            className="stack"
            onSubmit={(e) => void recordAgreement(e)}
          >
            <div className="field">
              <label htmlFor="agreed-level">{t('onsite.agreedLevel')}</label>
              <select
                id="agreed-level"
                value={agreedLevel}
                required
                onChange={(e) => setAgreedLevel(e.target.value)}
              >
                <option value="">{t('onsite.chooseLevel')}</option>
                {LEVELS.map((n) => (
                  <option key={n} value={n}>
                    {levelName(n)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="agreed-notes">{t('onsite.discussionNotes')}</label>
              <textarea
                id="agreed-notes"
                value={notes}
                rows={4}
                maxLength={20_000}
                onChange={(e) => setNotes(e.target.value)}
              />
            </div>
            <div>
              <button type="submit" className="primary" disabled={busy}>
                {t('onsite.recordAgreement')}
              </button>
            </div>
          </form>
        </>
      )}
      {confirmClose ? (
        <div role="group" aria-label={t('onsite.confirmClose')} className="actions">
          <p>{t('onsite.confirmClose')}</p>
          <button type="button" disabled={busy} onClick={() => void close()}>
            {t('onsite.closeYes')}
          </button>
          <button type="button" onClick={() => setConfirmClose(false)}>
            {t('onsite.closeNo')}
          </button>
        </div>
      ) : (
        <p>
          <button type="button" onClick={() => setConfirmClose(true)}>
            {t('onsite.close')}
          </button>
        </p>
      )}
    </section>
  );
}
