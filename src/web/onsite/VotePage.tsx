import './onsite.css';
import { useState } from 'react';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { onsiteApi, POLL_MS, stillOpen } from './onsite-api.js';
import { usePolling } from './usePolling.js';

/**
 * A participant's device (phone-sized): the requirement under discussion and one big button per
 * level. The vote shown is the server's, so it clears by itself when the facilitator moves on.
 */
export default function VotePage({ assessmentId, workshopId }: { assessmentId: string; workshopId: string }) {
  const t = useT();
  const { me } = useSession();
  const polled = usePolling(() => onsiteApi.workshop(assessmentId, workshopId), POLL_MS, stillOpen, [
    assessmentId,
    workshopId,
  ]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The level just chosen shows as chosen at once; the server's answer then confirms it.
  const [pending, setPending] = useState<{ key: string; level: number } | null>(null);

  if (!polled.data)
    return polled.error ? (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={polled.error} />
      </>
    ) : (
      <p>{t('app.loading')}</p>
    );
  const { workshop, current } = polled.data;
  const mine = current?.votes.find((v) => !v.typedIn && v.userId === me.user.id);
  const chosen = pending && pending.key === current?.key ? pending.level : mine?.level;
  const levelName = (n: number, name: string) => t('onsite.voteLevel', { level: n, name });

  const vote = async (level: number) => {
    // Not disabled while sending: disabling would take the focus away from the radio just chosen.
    if (busy || !current) return;
    setBusy(true);
    setError(null);
    setPending({ key: current.key, level });
    try {
      polled.set(await onsiteApi.vote(assessmentId, workshopId, level));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  return (
    <div className="onsite-phone">
      <h1 tabIndex={-1}>{t('onsite.voteHeading', { title: workshop.title })}</h1>
      <ErrorAlert error={error} />
      {workshop.status === 'closed' ? (
        <p role="status" className="onsite-big">
          {t('onsite.ended')}
        </p>
      ) : !current ? (
        <p role="status">{t('onsite.waiting')}</p>
      ) : (
        <>
          <h2 id="vote-requirement" data-requirement={current.key}>
            {current.position} {current.name}
          </h2>
          <fieldset className="onsite-vote-levels" aria-busy={busy}>
            <legend>{t('onsite.yourRating', { requirement: `${current.position} ${current.name}` })}</legend>
            {current.scale.map((level) => (
              <label key={level.number} className="onsite-vote-level">
                <input
                  type="radio"
                  name={`vote-${current.key}`}
                  value={level.number}
                  checked={chosen === level.number}
                  onChange={() => void vote(level.number)}
                />
                <span>{levelName(level.number, level.name)}</span>
              </label>
            ))}
          </fieldset>
          <p role="status" className="onsite-big" data-testid="my-vote">
            {mine ? t('onsite.yourVote', { level: mine.level }) : t('onsite.noVoteYet')}
          </p>
        </>
      )}
    </div>
  );
}
