import { useState } from 'react';
import type { RoadmapSettings } from '../../core/roadmap/roadmap-settings.js';
import { defaultTrack, type Track } from '../../core/roadmap/tracks.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { api, loadModel } from '../api/endpoints.js';
import { permissionsFor, roleOn } from '../app/permissions.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { NotLoaded } from '../components/NotLoaded.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { NextLevels } from './NextLevels.js';
import { roadmapApi } from './roadmap-api.js';
import { TargetsForm } from './TargetsForm.js';
import { TrackTable } from './TrackTable.js';

const TRACK_ORDER: Track[] = ['organisational', 'operational'];
const raw = (value: number | null) => (value === null ? '–' : formatNumber(Number(value.toFixed(2))));

/** The roadmap of one assessment: targets, the ranked steps in two tracks, and what each next level needs. */
export default function RoadmapPage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const { me } = useSession();
  const loaded = useAsync(async () => {
    const [record, roadmap] = await Promise.all([
      api.assessment(assessmentId),
      roadmapApi.roadmap(assessmentId),
    ]);
    const model = await loadModel(record.model.id, record.model.version);
    return { record, roadmap, model };
  }, [assessmentId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  if (loaded.error || !loaded.data) return <NotLoaded state={loaded} />;
  const { record, roadmap, model } = loaded.data;
  const stored: RoadmapSettings = (record.document as { roadmap?: RoadmapSettings }).roadmap ?? {};
  const editable = permissionsFor(roleOn(me, record), record.status).rate;

  const save = async (settings: RoadmapSettings) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await roadmapApi.save(assessmentId, record.version, settings);
      setSaved(true);
      loaded.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const move = (key: string, to: Track) => {
    const step = roadmap.steps.find((s) => s.key === key);
    const tracks = { ...(stored.tracks ?? {}) };
    // Back on its module's own track, the override is dropped rather than stored.
    if (step && defaultTrack(step.moduleId) === to && !tracks[step.categoryKey]) delete tracks[key];
    else tracks[key] = to;
    void save({ ...stored, tracks });
  };
  const hasTarget = roadmap.targets.overall !== null || Object.keys(roadmap.targets.categories).length > 0;
  const unreachable = roadmap.categories.filter((c) => c.status === 'unreachable');

  return (
    <>
      <h1 tabIndex={-1}>{t('roadmap.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'results', assessmentId: record.id }}>{t('roadmap.back')}</Link>
      </p>
      <p>{t('roadmap.intro')}</p>
      {!editable && <p>{t('roadmap.readOnly')}</p>}
      <div role="status" className="save-status">
        {busy ? t('app.loading') : saved ? t('roadmap.saved') : ''}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <TargetsForm
        key={record.version}
        roadmap={roadmap}
        stored={stored.targets ?? {}}
        levels={model.levels}
        editable={editable}
        busy={busy}
        onSave={(targets) => void save({ ...stored, targets })}
      />
      <p data-testid="roadmap-summary">
        {roadmap.before.raw === null
          ? t('roadmap.summaryNone')
          : t('roadmap.summary', { before: raw(roadmap.before.raw), after: raw(roadmap.after.raw) })}
      </p>
      {!hasTarget ? (
        <p>{t('roadmap.setTarget')}</p>
      ) : roadmap.steps.length === 0 ? (
        <p>{t('roadmap.noSteps')}</p>
      ) : (
        TRACK_ORDER.map((track) => (
          <TrackTable
            key={track}
            roadmap={roadmap}
            track={track}
            onMove={editable ? move : null}
            busy={busy}
          />
        ))
      )}
      {unreachable.length > 0 && (
        <>
          <p>{t('roadmap.unreachable')}</p>
          <ul>
            {unreachable.map((c) => (
              <li key={c.key}>
                {t('roadmap.unreachableItem', {
                  name: c.name,
                  reason: c.reason ? t(`roadmap.reason.${c.reason}`) : '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <NextLevels statements={roadmap.statements} />
    </>
  );
}
