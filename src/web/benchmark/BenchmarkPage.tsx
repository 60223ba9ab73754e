import { useMemo } from 'react';
import './benchmark.css';
import { roleCan } from '../../core/access/capabilities.js';
import { api, loadModel } from '../api/endpoints.js';
import { roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { benchmarkApi } from './benchmark-api.js';
import { CompareSection } from './CompareSection.js';
import { ContributeSection } from './ContributeSection.js';

/** The benchmark of one assessment: contribute it to the pool (owners, final only) and compare with peers. */
export default function BenchmarkPage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { me } = useSession();
  const loaded = useAsync(async () => {
    const [record, options] = await Promise.all([api.assessment(assessmentId), benchmarkApi.options()]);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, options, model };
  }, [assessmentId]);
  const names = useMemo(
    () =>
      loaded.data?.model.modules.flatMap((m) =>
        m.categories.map((c) => ({ key: c.key, name: `${c.position} ${c.name}` })),
      ) ?? [],
    [loaded.data],
  );

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, options } = loaded.data;
  const role = roleOn(me, record);
  return (
    <>
      <h1 tabIndex={-1}>{t('benchmark.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'results', assessmentId: record.id }}>{t('benchmark.back')}</Link>
      </p>
      <p>{t('benchmark.intro')}</p>
      <ContributeSection
        assessmentId={record.id}
        orgId={record.orgId}
        modelVersion={record.model.version}
        options={options}
        canContribute={role !== null && roleCan(role, 'finalise')}
        isFinal={record.status === 'final'}
      />
      <CompareSection assessmentId={record.id} options={options} names={names} />
    </>
  );
}
