import { useState } from 'react';
import './crosswalk.css';
import type { Model } from '../../core/model/model.types.js';
import { api, loadModel } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/routes.js';
import { AuditedTable } from './AuditedTable.js';
import { ControlsTable } from './ControlsTable.js';
import {
  crosswalkApi,
  csvHref,
  DEFAULT_THRESHOLD,
  loadPacks,
  STATUSES,
  type CrosswalkView,
  type PackSummary,
} from './crosswalk-api.js';
import { GapList } from './GapList.js';
import { PackInfo } from './PackInfo.js';

/**
 * One assessment read through a regulatory framework's crosswalk pack: which controls its
 * requirements support at a chosen level, what holds the others back, and which requirements
 * an existing audit already answers. The chosen pack is in the URL, so a link shares it.
 */
export default function CrosswalkPage({ assessmentId, packId }: { assessmentId: string; packId?: string }) {
  const t = useT();
  const loaded = useAsync(async () => {
    const record = await api.assessment(assessmentId);
    const [model, packs] = await Promise.all([loadModel(record.model.id, record.model.version), loadPacks()]);
    return { record, model, packs };
  }, [assessmentId]);

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, model, packs } = loaded.data;
  return (
    <>
      <h1 tabIndex={-1}>{t('crosswalk.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'answer', assessmentId: record.id }}>{t('crosswalk.back')}</Link>
        {' · '}
        <Link to={{ page: 'results', assessmentId: record.id }}>{t('crosswalk.results')}</Link>
      </p>
      <p>{t('crosswalk.intro')}</p>
      {packs.length === 0 ? (
        <p>{t('crosswalk.noPacks')}</p>
      ) : (
        <CrosswalkBody record={record} model={model} packs={packs} packId={packId} />
      )}
    </>
  );
}

function CrosswalkBody({
  record,
  model,
  packs,
  packId,
}: {
  record: AssessmentRecord;
  model: Model;
  packs: PackSummary[];
  packId: string | undefined;
}) {
  const t = useT();
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const named = packs.find((p) => p.id === packId);
  // Packs written for the assessment's own model version first: their keys need no mapping.
  const pack = named ?? packs.find((p) => p.model === record.model.version) ?? packs[0]!;
  const view = useAsync(
    () => crosswalkApi.view(record.id, pack.id, threshold),
    [record.id, pack.id, threshold],
  );
  const data: CrosswalkView | undefined = view.data;

  return (
    <>
      <div className="row cw-choices">
        <p className="field">
          <label htmlFor="cw-pack">{t('crosswalk.framework')}</label>
          <select
            id="cw-pack"
            value={pack.id}
            onChange={(e) => navigate({ page: 'crosswalk', assessmentId: record.id, packId: e.target.value })}
          >
            {packs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.framework}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="cw-threshold">{t('crosswalk.threshold')}</label>
          <select id="cw-threshold" value={threshold} onChange={(e) => setThreshold(Number(e.target.value))}>
            {model.levels.map((level) => (
              <option key={level.number} value={level.number}>
                {t('crosswalk.levelOption', { level: level.number, name: level.name })}
              </option>
            ))}
          </select>
        </p>
      </div>
      {packId !== undefined && !named && (
        <p role="status">{t('crosswalk.unknownPack', { id: packId, framework: pack.framework })}</p>
      )}
      <PackInfo pack={pack} />
      {view.error !== undefined && <ErrorAlert error={view.error} />}
      {data && (
        <div aria-busy={view.loading} data-testid="crosswalk-view" data-threshold={data.rule.threshold}>
          <p className="cw-rule" data-testid="crosswalk-rule">
            {t('crosswalk.rule', { level: data.rule.threshold, name: data.rule.thresholdName })}
          </p>
          <section aria-labelledby="cw-summary">
            <h2 id="cw-summary">{t('crosswalk.summary')}</h2>
            <p>{t('crosswalk.summaryOf', { controls: data.summary.controls })}</p>
            <dl className="cw-summary" data-testid="crosswalk-summary">
              {STATUSES.map((status) => (
                <div key={status} data-status={status} className={`cw-${status}`}>
                  <dt>{t(`crosswalk.status.${status}`)}</dt>
                  <dd>{data.summary[status]}</dd>
                </div>
              ))}
            </dl>
            <p>
              <a href={csvHref(record.id, pack.id, data.rule.threshold)} download>
                {t('crosswalk.csv')}
              </a>
            </p>
          </section>
          <section aria-labelledby="cw-controls">
            <h2 id="cw-controls">{t('crosswalk.controls')}</h2>
            <ControlsTable controls={data.controls} />
          </section>
          <section aria-labelledby="cw-gaps">
            <h2 id="cw-gaps">{t('crosswalk.gaps')}</h2>
            <p>{t('crosswalk.gapsIntro')}</p>
            <GapList gaps={data.gaps} assessmentId={record.id} linkItems={record.mode === 'full'} />
          </section>
          <section aria-labelledby="cw-audited">
            <h2 id="cw-audited">{t('crosswalk.auditedList')}</h2>
            <p>{t('crosswalk.auditedIntro')}</p>
            <AuditedTable audited={data.audited} />
          </section>
        </div>
      )}
    </>
  );
}
