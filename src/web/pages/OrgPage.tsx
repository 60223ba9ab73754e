import { roleCan } from '../../core/access/capabilities.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Sparkline } from '../components/Sparkline.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { ImportForm } from '../exchange/ImportForm.js';
import { CreateOrganisation } from './CreateOrganisation.js';
import { CyclesPanel } from '../cycles/CyclesPanel.js';

export function OrgPage({ orgId }: { orgId: string }) {
  const t = useT();
  const { me } = useSession();
  const org = me.organisations.find((o) => o.id === orgId);
  const list = useAsync(() => api.assessments(orgId), [orgId]);
  const assessments = list.data?.assessments ?? [];
  // The trend follows the order the assessments were made in, not when they were last touched.
  const byDate = [...assessments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const levels = byDate.map((a) => a.overall.level);
  const levelText = levels.map((l) => (l === null ? '–' : String(l))).join(', ');

  return (
    <>
      <h1 tabIndex={-1}>{t('org.title', { name: org?.name ?? orgId })}</h1>
      <p className="actions">
        {org && roleCan(org.role, 'rate') && (
          <Link to={{ page: 'new-assessment', orgId }} className="button primary">
            {t('org.new')}
          </Link>
        )}
        {levels.length > 0 && (
          <span className="trend">
            {t('org.trend')}: <Sparkline levels={levels} label={t('org.trendLabel', { levels: levelText })} />
          </span>
        )}
      </p>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.loading && <p>{t('app.loading')}</p>}
      {!list.loading && assessments.length === 0 && <p>{t('org.empty')}</p>}
      {assessments.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">{t('header.assessments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('org.colTitle')}</th>
              <th scope="col">{t('org.colModel')}</th>
              <th scope="col">{t('org.colMode')}</th>
              <th scope="col">{t('org.colStatus')}</th>
              <th scope="col">{t('org.colLevel')}</th>
              <th scope="col">{t('org.colUpdated')}</th>
              <th scope="col">{t('org.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={{ page: 'answer', assessmentId: a.id }}>{a.title}</Link>
                </th>
                <td>
                  {a.model.id} {a.model.version}
                </td>
                <td>{t(a.mode === 'self' ? 'mode.self' : 'mode.full')}</td>
                <td>{t(`status.${a.status}`)}</td>
                <td>
                  {a.overall.level === null
                    ? t('org.notRated')
                    : `${a.overall.level} ${a.overall.name ?? ''}`}
                </td>
                <td>{new Date(a.updatedAt).toLocaleString()}</td>
                <td>
                  <Link to={{ page: 'results', assessmentId: a.id }}>
                    <span aria-hidden="true">{t('org.resultsShort')}</span>
                    <span className="visually-hidden">{t('org.results', { title: a.title })}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {org && <CyclesPanel orgId={orgId} role={org.role} />}
      {org && roleCan(org.role, 'rate') && (
        <details>
          <summary>{t('org.import')}</summary>
          <ImportForm orgId={orgId} />
        </details>
      )}
      {org === undefined && me.organisations.length === 0 && <CreateOrganisation />}
    </>
  );
}
