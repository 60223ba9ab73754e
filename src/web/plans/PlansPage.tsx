import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { hrefOf } from '../router/routes.js';
import { planFileHref, plansApi, type PlanEntryView } from './plans-api.js';

/**
 * #/orgs/{orgId}/plans: every plan of the organisation's assessments in due-date order (the
 * server sorts and decides overdue against its own day). Overdue rows carry the word
 * "Overdue" as well as their highlight, so the state is not told by colour alone.
 */
export default function PlansPage({ orgId }: { orgId: string }) {
  const t = useT();
  const { me } = useSession();
  const org = me.organisations.find((o) => o.id === orgId);
  const data = useAsync(() => plansApi.timeline(orgId), [orgId]);
  const plans = data.data?.plans ?? [];
  const overdue = plans.filter((entry) => entry.overdue).length;
  return (
    <>
      <h1 tabIndex={-1}>{t('plans.timelineTitle', { name: org?.name ?? orgId })}</h1>
      <p>{t('plans.timelineIntro')}</p>
      <nav aria-labelledby="plan-downloads" className="row">
        <h2 id="plan-downloads" className="nav-heading">
          {t('plans.downloads')}
        </h2>
        <a href={planFileHref.org(orgId, 'csv')} download>
          {t('plans.downloadCsv')}
        </a>
        <a href={planFileHref.org(orgId, 'ics')} download>
          {t('plans.downloadIcs')}
        </a>
      </nav>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {data.loading && !data.data && <p>{t('app.loading')}</p>}
      {data.data && plans.length === 0 && <p>{t('plans.timelineEmpty')}</p>}
      {data.data && plans.length > 0 && (
        <>
          <p>
            {t('plans.today', { today: data.data.today })}
            {overdue > 0 && <strong> {t('plans.overdueCount', { count: overdue })}</strong>}
          </p>
          <table className="plans-timeline">
            <caption className="visually-hidden">
              {t('plans.timelineTitle', { name: org?.name ?? orgId })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.colDue')}</th>
                <th scope="col">{t('plans.colPlan')}</th>
                <th scope="col">{t('plans.colSubject')}</th>
                <th scope="col">{t('plans.colAssessment')}</th>
                <th scope="col">{t('plans.colResponsible')}</th>
                <th scope="col">{t('plans.colStatus')}</th>
                <th scope="col">{t('plans.colTasks')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((entry) => (
                <TimelineRow key={`${entry.assessmentId}/${entry.planId}`} entry={entry} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function TimelineRow({ entry }: { entry: PlanEntryView }) {
  const t = useT();
  const { plan } = entry;
  const tasks = plan.tasks ?? [];
  const title = plan.title ?? entry.subjectName;
  return (
    <tr className={entry.overdue ? 'overdue' : undefined} data-plan={entry.planId}>
      <td>
        {plan.schedule?.due ?? <span className="muted">{t('plans.noDue')}</span>}
        {entry.overdue && (
          <>
            {' '}
            <strong className="overdue-marker">{t('plans.overdue')}</strong>
          </>
        )}
      </td>
      <th scope="row">{title}</th>
      <td>
        <a
          href={hrefOf({ page: 'answer', assessmentId: entry.assessmentId })}
          aria-label={t('plans.openItem', { name: entry.subjectName, assessment: entry.assessmentTitle })}
        >
          {entry.subjectName}
        </a>
      </td>
      <td>{entry.assessmentTitle}</td>
      <td>{plan.responsible ?? ''}</td>
      <td>{t(`plans.status.${plan.status}`)}</td>
      <td>
        {tasks.length > 0
          ? t('plans.tasksDone', { done: tasks.filter((x) => x.done).length, total: tasks.length })
          : ''}
      </td>
    </tr>
  );
}
