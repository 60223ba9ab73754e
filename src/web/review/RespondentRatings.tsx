import { useState } from 'react';
import type { Rating } from '../../core/assessment/assessment.types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { useDateTime } from '../scan/format.js';
import { ConsensusForm } from './ConsensusForm.js';
import { LevelSelect } from './LevelSelect.js';
import { reviewApi, type RespondentRatings as Ratings } from './review-api.js';
import { SpreadTable } from './SpreadTable.js';
import { useStep } from './useStep.js';

/**
 * Each respondent's own rating of a requirement, how far they agree, the assessment's rating and
 * the consensus. Respondents give theirs; an assessor records the agreed one, which becomes the
 * assessment's rating through the autosave path (hence `writeRating`, which keeps the page's
 * version in step).
 */
export function RespondentRatings({
  assessmentId,
  requirementKey,
  myId,
  canRespond,
  canDecide,
  currentLevel,
  levelName,
  nameOf,
  writeRating,
}: {
  assessmentId: string;
  requirementKey: string;
  myId: string;
  canRespond: boolean;
  canDecide: boolean;
  /** The rating the page shows now (autosaved changes included). */
  currentLevel: Rating;
  levelName: (n: number) => string;
  nameOf: (userId: string | null) => string;
  writeRating: (send: (version: number) => Promise<{ version: number }>) => Promise<void>;
}) {
  const t = useT();
  const when = useDateTime();
  const ratings = useAsync(
    () => reviewApi.ratings(assessmentId, requirementKey),
    [assessmentId, requirementKey],
  );
  const step = useStep();
  const data = ratings.data;
  const levelText = (n: number) => (n > 0 ? `${n} ${levelName(n)}`.trim() : t('review.unrated'));
  return (
    <div className="review-part">
      <h4>{t('review.ratings.heading')}</h4>
      {ratings.error !== undefined && <ErrorAlert error={ratings.error} />}
      <p data-testid="assessment-level">{t('review.current', { level: levelText(currentLevel) })}</p>
      {data && (
        <>
          {canRespond && (
            <OwnRating
              key={data.ratings.find((r) => r.userId === myId)?.updatedAt ?? 'none'}
              requirementKey={requirementKey}
              own={data.ratings.find((r) => r.userId === myId)}
              levelName={levelName}
              busy={step.busy}
              onSave={(level, note) =>
                void step
                  .run(
                    () => reviewApi.rateOwn(assessmentId, requirementKey, level, note),
                    t('review.ratings.saved'),
                  )
                  .then((ok) => ok && ratings.reload())
              }
            />
          )}
          {data.ratings.length === 0 ? (
            <p>{t('review.ratings.none')}</p>
          ) : (
            <>
              <table className="data" data-testid="respondent-ratings">
                <caption>{t('review.ratings.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.ratings.who')}</th>
                    <th scope="col">{t('review.ratings.level')}</th>
                    <th scope="col">{t('review.ratings.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.ratings.map((r) => (
                    <tr key={r.userId}>
                      <th scope="row">{r.name || r.email}</th>
                      <td data-level={r.level}>{levelText(r.level)}</td>
                      <td className="prewrap">{r.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SpreadTable spread={data.spread} />
            </>
          )}
          <Consensus data={data} levelText={levelText} nameOf={nameOf} when={when} />
          {canDecide && (
            <ConsensusForm
              requirementKey={requirementKey}
              suggested={data.spread.median}
              currentLevel={currentLevel}
              levelName={levelName}
              busy={step.busy}
              onRecord={(level, note) =>
                void step
                  .run(
                    () =>
                      writeRating((version) =>
                        reviewApi.consensus(assessmentId, version, requirementKey, level, note),
                      ),
                    t('review.consensus.saved', { level: levelText(level) }),
                  )
                  .then(() => ratings.reload())
              }
            />
          )}
        </>
      )}
      {(canRespond || canDecide) && (
        <>
          <ErrorAlert error={step.error} />
          <p role="status">{step.done}</p>
        </>
      )}
    </div>
  );
}

function Consensus({
  data,
  levelText,
  nameOf,
  when,
}: {
  data: Ratings;
  levelText: (n: number) => string;
  nameOf: (userId: string | null) => string;
  when: (iso: string | undefined) => string;
}) {
  const t = useT();
  const c = data.consensus;
  if (!c) return <p className="muted">{t('review.consensus.none')}</p>;
  return (
    <>
      <p data-testid="consensus" data-level={c.level}>
        {t('review.consensus.recorded', {
          level: levelText(c.level),
          name: nameOf(c.decidedBy),
          date: when(c.decidedAt),
          version: c.version,
        })}
      </p>
      {c.note && <p className="prewrap">{c.note}</p>}
    </>
  );
}

function OwnRating({
  requirementKey,
  own,
  levelName,
  busy,
  onSave,
}: {
  requirementKey: string;
  own: { level: number; note: string | null } | undefined;
  levelName: (n: number) => string;
  busy: boolean;
  onSave: (level: number, note: string) => void;
}) {
  const t = useT();
  const [level, setLevel] = useState(own?.level ?? 0);
  const [note, setNote] = useState(own?.note ?? '');
  const id = `own-rating-${requirementKey}`;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (level > 0) onSave(level, note);
      }}
    >
      <LevelSelect
        id={`${id}-level`}
        label={t('review.ratings.own')}
        value={level}
        levelName={levelName}
        onChange={setLevel}
      />
      <p className="plan-field">
        <label htmlFor={`${id}-note`}>{t('review.ratings.ownNote')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </p>
      <p>
        <button type="submit" disabled={busy || level === 0}>
          {t('review.ratings.save')}
        </button>
      </p>
    </form>
  );
}
