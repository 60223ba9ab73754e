import './onsite.css';
import { api, loadModel } from '../api/endpoints.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { onsiteApi } from './onsite-api.js';
import { artifactsConfig, contactsConfig, interviewsConfig } from './register-config.js';
import { RegisterSection } from './RegisterSection.js';
import { WorkshopList } from './WorkshopList.js';

/**
 * The on-site part of an assessment: who was spoken to, what was read, which interviews were
 * held (each linked to the requirements it informs), and the workshops where a group rates.
 */
export default function OnsitePage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { me } = useSession();
  const loaded = useAsync(async () => {
    const record = await api.assessment(assessmentId);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, model };
  }, [assessmentId]);
  const contacts = useAsync(() => onsiteApi.list(assessmentId, 'contacts'), [assessmentId]);
  const artifacts = useAsync(() => onsiteApi.list(assessmentId, 'artifacts'), [assessmentId]);
  const interviews = useAsync(() => onsiteApi.list(assessmentId, 'interviews'), [assessmentId]);
  const workshops = useAsync(() => onsiteApi.workshops(assessmentId), [assessmentId]);

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, model } = loaded.data;
  const role = roleOn(me, record);
  const may = permissionsFor(role, record.status);
  const roleName = role ? t(`role.${role}`) : '';
  const contactList = contacts.data?.entries ?? [];
  const common = { assessmentId: record.id, model, contacts: contactList, canWrite: may.annotate };
  const listError = contacts.error ?? artifacts.error ?? interviews.error ?? workshops.error;

  return (
    <>
      <h1 tabIndex={-1}>{t('onsite.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'answer', assessmentId: record.id }}>{t('onsite.back')}</Link>
      </p>
      <p>{t('onsite.intro')}</p>
      {record.status === 'final' && <p>{t('onsite.final')}</p>}
      {record.status !== 'final' && !may.annotate && <p>{t('onsite.readOnly', { role: roleName })}</p>}
      {listError !== undefined && <ErrorAlert error={listError} />}
      {contacts.data && (
        <RegisterSection
          {...common}
          config={contactsConfig}
          entries={contacts.data.entries}
          onChanged={contacts.reload}
        />
      )}
      {artifacts.data && (
        <RegisterSection
          {...common}
          config={artifactsConfig}
          entries={artifacts.data.entries}
          onChanged={artifacts.reload}
        />
      )}
      {interviews.data && (
        <RegisterSection
          {...common}
          config={interviewsConfig}
          entries={interviews.data.entries}
          onChanged={interviews.reload}
        />
      )}
      {workshops.data && (
        <WorkshopList
          assessmentId={record.id}
          workshops={workshops.data.workshops}
          userId={me.user.id}
          canOpen={may.rate}
        />
      )}
    </>
  );
}
