import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/routes.js';
import { useDateTime } from '../scan/format.js';
import { onsiteApi, type WorkshopSummary } from './onsite-api.js';

/** The assessment's workshops, newest first, and (for roles that may rate) a form to open one. */
export function WorkshopList({
  assessmentId,
  workshops,
  userId,
  canOpen,
}: {
  assessmentId: string;
  workshops: WorkshopSummary[];
  userId: string;
  canOpen: boolean;
}) {
  const t = useT();
  const when = useDateTime();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { workshop } = await onsiteApi.openWorkshop(assessmentId, title);
      navigate({ page: 'workshop', assessmentId, workshopId: workshop.id });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="workshops">
      <h2 id="workshops">{t('onsite.workshops')}</h2>
      <p>{t('onsite.workshopsIntro')}</p>
      {workshops.length === 0 ? (
        <p>{t('onsite.noWorkshops')}</p>
      ) : (
        <table className="data" data-testid="workshops-table">
          <caption className="visually-hidden">{t('onsite.workshops')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('onsite.workshopTitle')}</th>
              <th scope="col">{t('onsite.colStatus')}</th>
              <th scope="col">{t('onsite.facilitator')}</th>
              <th scope="col">{t('onsite.opened')}</th>
              <th scope="col">{t('onsite.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {workshops.map((w) => (
              <tr key={w.id}>
                <th scope="row">{w.title}</th>
                <td>{t(w.status === 'open' ? 'onsite.statusOpen' : 'onsite.statusClosed')}</td>
                <td>{w.facilitator.name}</td>
                <td>{when(w.openedAt)}</td>
                <td>
                  <div className="actions">
                    {w.facilitator.userId === userId && (
                      <Link to={{ page: 'workshop', assessmentId, workshopId: w.id }}>
                        {t('onsite.runWorkshop', { title: w.title })}
                      </Link>
                    )}
                    <Link to={{ page: 'workshop-vote', assessmentId, workshopId: w.id }}>
                      {t('onsite.voteIn', { title: w.title })}
                    </Link>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canOpen && (
        <form aria-label={t('onsite.openForm')} className="row" onSubmit={(e) => void open(e)}>
          <div className="field">
            <label htmlFor="workshop-title">{t('onsite.workshopTitle')}</label>
            <input
              id="workshop-title"
              value={title}
              required
              maxLength={500}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <button type="submit" className="primary" disabled={busy}>
            {t('onsite.openWorkshop')}
          </button>
        </form>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}
