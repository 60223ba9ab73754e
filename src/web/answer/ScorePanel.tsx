import type { ScoreReport } from '../../core/scoring/score.types.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { useT } from '../i18n/useT.js';

/** The live score, computed in the browser with the core: raw, reported level, progress to the next. */
export function ScorePanel({ report, categoryKey }: { report: ScoreReport; categoryKey: string }) {
  const t = useT();
  const overall = report.overall;
  const category = report.categories.find((c) => c.key === categoryKey);
  const rows = [
    { id: 'overall', label: t('results.overall'), value: overall },
    ...(category ? [{ id: 'category', label: category.name, value: category }] : []),
  ];
  return (
    <section aria-labelledby="score-title" className="score-panel">
      <h2 id="score-title">{t('score.title')}</h2>
      {rows.map(({ id, label, value }) => (
        <div key={id}>
          <h3>{label}</h3>
          {value.raw === null ? (
            <p>{t('score.none')}</p>
          ) : (
            <dl>
              <dt>{t('score.raw')}</dt>
              <dd data-testid={`${id}-raw`}>{formatNumber(value.raw)}</dd>
              <dt>{t('score.reported')}</dt>
              <dd>
                {value.level} {value.levelName}
              </dd>
              <dt id={`${id}-next`}>{t('score.toNext')}</dt>
              <dd>
                <progress aria-labelledby={`${id}-next`} max={1} value={value.progress ?? 0} />{' '}
                {Math.round((value.progress ?? 0) * 100)}%
              </dd>
            </dl>
          )}
        </div>
      ))}
    </section>
  );
}
