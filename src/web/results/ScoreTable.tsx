import { formatNumber } from '../../core/scoring/explain.js';
import type { ScoreReport } from '../../core/scoring/score.types.js';
import { useT } from '../i18n/useT.js';

/** The numbers behind the radar charts, for screen readers and for checking. */
export function ScoreTable({ report }: { report: ScoreReport }) {
  const t = useT();
  return (
    <details>
      <summary>{t('results.table')}</summary>
      <table className="data">
        <caption className="visually-hidden">{t('results.categories')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.categories')}</th>
            <th scope="col">{t('score.raw')}</th>
            <th scope="col">{t('score.reported')}</th>
          </tr>
        </thead>
        <tbody>
          {report.categories.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.name}</th>
              <td>{c.raw === null ? '–' : formatNumber(c.raw)}</td>
              <td>
                {c.source === 'not-applicable' ? t('applicability.not-applicable') : (c.levelName ?? '–')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
