import { useState } from 'react';
import './scan.css';
import { api, loadModel } from '../api/endpoints.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { scanApi, type ScanDetail } from './api.js';
import { ScanDetailView } from './ScanDetailView.js';
import { ScanList } from './ScanList.js';
import { SuggestionList } from './SuggestionList.js';
import { UploadForm } from './UploadForm.js';

/**
 * Automated evidence of one assessment: start a scan (roles that may annotate), read each scan's
 * inventory, and decide on the ratings the rules suggest (roles that may rate).
 */
export default function ScanPage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { me } = useSession();
  const loaded = useAsync(async () => {
    const record = await api.assessment(assessmentId);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, model };
  }, [assessmentId]);
  const scans = useAsync(() => scanApi.scans(assessmentId), [assessmentId]);
  const suggestions = useAsync(() => scanApi.suggestions(assessmentId), [assessmentId]);
  const [chosen, setChosen] = useState<string | null>(null);
  // The scan just made is shown from the POST's answer, without fetching it again.
  const [fresh, setFresh] = useState<ScanDetail | null>(null);

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, model } = loaded.data;
  const role = roleOn(me, record);
  const may = permissionsFor(role, record.status);
  const list = scans.data?.scans ?? [];
  const selected = chosen ?? list[0]?.id ?? null;
  const roleName = role ? t(`role.${role}`) : '';
  // The API names people by user id; the signed-in user at least is shown by name.
  const nameOf = (userId: string) => (userId === me.user.id ? me.user.name : userId);

  // The new suggestions come with the list's reload, in the server's order.
  const onScanned = (scan: ScanDetail) => {
    setFresh(scan);
    setChosen(scan.id);
    scans.reload();
    suggestions.reload();
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('scan.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'answer', assessmentId: record.id }}>{t('scan.back')}</Link>
        {' · '}
        <Link to={{ page: 'results', assessmentId: record.id }}>{t('scan.results')}</Link>
      </p>
      <p>{t('scan.intro')}</p>
      {record.status === 'final' && <p>{t('scan.final')}</p>}
      {record.status !== 'final' && !may.annotate && <p>{t('scan.noUpload', { role: roleName })}</p>}
      {may.annotate && <UploadForm assessmentId={record.id} onScanned={onScanned} />}
      <section aria-labelledby="scans">
        <h2 id="scans">{t('scan.scans')}</h2>
        {scans.error !== undefined && <ErrorAlert error={scans.error} />}
        {scans.data && <ScanList scans={list} selected={selected} onSelect={setChosen} />}
      </section>
      {selected && (
        <ScanDetailView
          key={selected}
          assessmentId={record.id}
          scanId={selected}
          initial={fresh?.id === selected ? fresh : null}
          nameOf={nameOf}
        />
      )}
      <section aria-labelledby="suggestions">
        <h2 id="suggestions">{t('scan.suggestions')}</h2>
        <p>{t('scan.suggestionsIntro')}</p>
        {record.status !== 'final' && !may.rate && <p>{t('scan.noDecide', { role: roleName })}</p>}
        {suggestions.error !== undefined && <ErrorAlert error={suggestions.error} />}
        {suggestions.data && (
          <SuggestionList
            assessmentId={record.id}
            model={model}
            suggestions={suggestions.data.suggestions}
            scans={list}
            canDecide={may.rate}
            nameOf={nameOf}
            onDecided={suggestions.reload}
          />
        )}
      </section>
    </>
  );
}
