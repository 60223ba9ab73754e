import { formatNumber } from '../../core/scoring/explain.js';
import type { Track } from '../../core/roadmap/tracks.js';
import { useT } from '../i18n/useT.js';
import type { RoadmapBody } from './roadmap-api.js';

const OTHER: Record<Track, Track> = { organisational: 'operational', operational: 'organisational' };

const raw = (value: number | null) => (value === null ? '–' : formatNumber(Number(value.toFixed(2))));

/** One track's steps in rank order, with the projected levels and a button to move each to the other track. */
export function TrackTable({
  roadmap,
  track,
  onMove,
  busy,
}: {
  roadmap: RoadmapBody;
  track: Track;
  onMove: ((key: string, to: Track) => void) | null;
  busy: boolean;
}) {
  const t = useT();
  const heading = `track-${track}`;
  const indexes = roadmap.tracks[track];
  return (
    <section aria-labelledby={heading} data-testid={heading}>
      <h2 id={heading}>{t(`roadmap.track.${track}`)}</h2>
      <p>{t(`roadmap.trackIntro.${track}`)}</p>
      {indexes.length === 0 ? (
        <p>{t('roadmap.trackEmpty')}</p>
      ) : (
        <table className="data">
          <caption>{t('roadmap.stepsCaption', { track: t(`roadmap.track.${track}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roadmap.colRank')}</th>
              <th scope="col">{t('roadmap.colItem')}</th>
              <th scope="col">{t('roadmap.colCategory')}</th>
              <th scope="col">{t('roadmap.colRaise')}</th>
              <th scope="col">{t('roadmap.colCategoryAfter')}</th>
              <th scope="col">{t('roadmap.colModuleAfter')}</th>
              <th scope="col">{t('roadmap.colOverallAfter')}</th>
              {onMove && <th scope="col">{t('roadmap.colMove')}</th>}
            </tr>
          </thead>
          <tbody>
            {indexes.map((i) => {
              const step = roadmap.steps[i]!;
              const other = OTHER[track];
              return (
                <tr key={step.key} data-key={step.key}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    {step.name} <code>{step.key}</code> {step.trackOverridden && t('roadmap.moved')}
                  </th>
                  <td>{step.categoryName}</td>
                  <td>{t('roadmap.raise', { from: String(step.from), to: String(step.to) })}</td>
                  <td>{raw(step.after.category.raw)}</td>
                  <td>{raw(step.after.module.raw)}</td>
                  <td>{raw(step.after.overall.raw)}</td>
                  {onMove && (
                    <td>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={t(`roadmap.moveTo.${other}`, { name: step.name })}
                        onClick={() => onMove(step.key, other)}
                      >
                        {t(`roadmap.moveShort.${other}`)}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
