import { useT } from '../i18n/useT.js';
import type { RespondentRatings } from './review-api.js';

/** How far the respondents agree, as a table (count, lowest, highest, median, and how many gave each level). */
export function SpreadTable({ spread }: { spread: RespondentRatings['spread'] }) {
  const t = useT();
  const value = (n: number | null) => (n === null ? '–' : String(n));
  const rows: [string, string, string][] = [
    ['count', t('review.spread.count'), String(spread.count)],
    ['min', t('review.spread.min'), value(spread.min)],
    ['max', t('review.spread.max'), value(spread.max)],
    ['median', t('review.spread.median'), value(spread.median)],
    ...Object.entries(spread.counts)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(
        ([level, n]) =>
          [`level-${level}`, t('review.spread.perLevel', { level }), String(n)] as [string, string, string],
      ),
  ];
  return (
    <table className="data" data-testid="rating-spread">
      <caption>{t('review.spread.caption')}</caption>
      <tbody>
        {rows.map(([figure, label, n]) => (
          <tr key={figure} data-figure={figure}>
            <th scope="row">{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
