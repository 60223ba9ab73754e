import './onsite.css';
import { api, loadModel } from '../api/endpoints.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { hrefOf } from '../router/routes.js';
import { CurrentRequirement } from './CurrentRequirement.js';
import { FacilitatorControls } from './FacilitatorControls.js';
import { ItemsDiscussed } from './ItemsDiscussed.js';
import { minutesUrl, onsiteApi, POLL_MS, stillOpen } from './onsite-api.js';
import { usePolling } from './usePolling.js';
import { VotesView } from './VotesView.js';

/**
 * The facilitator's shared screen (for a projector): the current requirement in large type,
 * the votes as they come in, their spread, and the facilitator's controls. Everyone else who
 * opens it sees the same screen without the controls.
 */
export default function WorkshopPage({
  assessmentId,
  workshopId,
}: {
  assessmentId: string;
  workshopId: string;
}) {
  const t = useT();
  const { me } = useSession();
  const loaded = useAsync(async () => {
    const record = await api.assessment(assessmentId);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, model };
  }, [assessmentId]);
  const polled = usePolling(() => onsiteApi.workshop(assessmentId, workshopId), POLL_MS, stillOpen, [
    assessmentId,
    workshopId,
  ]);

  const error = loaded.error ?? (polled.data ? undefined : polled.error);
  if (error)
    return (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={error} />
      </>
    );
  if (!loaded.data || !polled.data) return <p>{t('app.loading')}</p>;
  const { record, model } = loaded.data;
  const view = polled.data;
  const { workshop, current } = view;
  const may = permissionsFor(roleOn(me, record), record.status);
  const drives = workshop.facilitator.userId === me.user.id && workshop.status === 'open' && may.rate;
  const scale = current?.scale ?? model.levels;
  const levelName = (n: number) =>
    t('onsite.levelName', { level: n, name: scale.find((l) => l.number === n)?.name ?? '' });
  const voteHref = hrefOf({ page: 'workshop-vote', assessmentId, workshopId });

  return (
    <div className="onsite-screen">
      <h1 tabIndex={-1}>{t('onsite.workshopHeading', { title: workshop.title })}</h1>
      <p>
        <Link to={{ page: 'onsite', assessmentId }}>{t('onsite.backToOnsite')}</Link>
      </p>
      <p data-testid="workshop-status">
        {t(workshop.status === 'open' ? 'onsite.statusOpen' : 'onsite.statusClosed')}
        {' · '}
        {t('onsite.facilitatedBy', { name: workshop.facilitator.name })}
      </p>
      {workshop.status === 'open' && (
        <p>
          {t('onsite.voteAt')} <code className="onsite-url">{`${window.location.origin}/${voteHref}`}</code>
        </p>
      )}
      {polled.error !== undefined && <ErrorAlert error={polled.error} />}
      {!drives && workshop.status === 'open' && <p>{t('onsite.readOnlyScreen')}</p>}
      {workshop.status === 'closed' && <p>{t('onsite.ended')}</p>}
      {current ? (
        <>
          <CurrentRequirement current={current} />
          {current.agreed && (
            <p className="onsite-agreed" data-testid="current-agreed">
              {t('onsite.agreedShown', {
                level: levelName(current.agreed.level),
                version: current.agreed.version,
              })}
            </p>
          )}
          <VotesView item={current} levelName={levelName} />
        </>
      ) : (
        <p>{t('onsite.noCurrent')}</p>
      )}
      {drives && (
        <FacilitatorControls
          assessmentId={assessmentId}
          view={view}
          model={model}
          levelName={levelName}
          onView={polled.set}
        />
      )}
      <ItemsDiscussed items={view.items} levelName={levelName} />
      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t('onsite.minutes')}</h2>
        <p className="actions">
          <a href={minutesUrl(assessmentId, workshopId, 'md')} download>
            {t('onsite.minutesMd')}
          </a>
          <a href={minutesUrl(assessmentId, workshopId, 'html')} download>
            {t('onsite.minutesHtml')}
          </a>
        </p>
      </section>
    </div>
  );
}
