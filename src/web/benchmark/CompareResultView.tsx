import { useMemo } from 'react';
import { formatNumber } from '../../core/scoring/explain.js';
import { useT } from '../i18n/useT.js';
import { Chart } from '../results/Chart.js';
import type { CompareOk, Distribution } from './benchmark-api.js';
import { boxplotOption, radarOption, type NamedCategory } from './benchmark-charts.js';

const num = (value: number | null) => (value === null ? '–' : formatNumber(Number(value.toFixed(2))));

/** A successful comparison: group size, overall standing, box plots, radar, and a table of every number. */
export function CompareResultView({ result, names }: { result: CompareOk; names: NamedCategory[] }) {
  const t = useT();
  const you = t('benchmark.you');
  const boxes = useMemo(
    () => boxplotOption(result, names, { you, group: t('benchmark.peerGroup') }),
    [result, names, you, t],
  );
  const radar = useMemo(
    () => radarOption(result, names, { you, median: t('benchmark.peerMedian') }),
    [result, names, you, t],
  );
  const name = (key: string) => names.find((n) => n.key === key)?.name ?? key;
  const row = (label: string, d: Distribution, size: number, key: string) => (
    <tr key={key} data-key={key}>
      <th scope="row">{label}</th>
      <td>{num(d.value)}</td>
      <td>{num(d.percentile)}</td>
      <td>{num(d.p10)}</td>
      <td>{num(d.p25)}</td>
      <td>{num(d.median)}</td>
      <td>{num(d.p75)}</td>
      <td>{num(d.p90)}</td>
      <td>{size}</td>
    </tr>
  );
  return (
    <div data-testid="compare-result">
      <p data-testid="group-size">{t('benchmark.groupSize', { size: result.group.size, k: result.k })}</p>
      <p data-testid="overall-standing">
        {t('benchmark.overall', {
          value: num(result.overall.value),
          percentile: num(result.overall.percentile),
          median: num(result.overall.median),
        })}
      </p>
      <section aria-labelledby="benchmark-boxplots">
        <h3 id="benchmark-boxplots">{t('benchmark.boxplots')}</h3>
        <div className="benchmark-tall">
          <Chart option={boxes} label={t('benchmark.boxplotLabel')} testId="benchmark-boxplots" />
        </div>
      </section>
      <section aria-labelledby="benchmark-radar">
        <h3 id="benchmark-radar">{t('benchmark.radar')}</h3>
        <Chart option={radar} label={t('benchmark.radarLabel')} testId="benchmark-radar" />
      </section>
      <section aria-labelledby="benchmark-table">
        <h3 id="benchmark-table">{t('benchmark.table')}</h3>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="benchmark-table">
          <table className="data" data-testid="benchmark-table">
            <caption>{t('benchmark.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('benchmark.colCategory')}</th>
                <th scope="col">{t('benchmark.colYou')}</th>
                <th scope="col">{t('benchmark.colPercentile')}</th>
                <th scope="col">p10</th>
                <th scope="col">p25</th>
                <th scope="col">{t('benchmark.peerMedian')}</th>
                <th scope="col">p75</th>
                <th scope="col">p90</th>
                <th scope="col">{t('benchmark.colGroup')}</th>
              </tr>
            </thead>
            <tbody>
              {row(t('benchmark.overallRow'), result.overall, result.group.size, 'overall')}
              {result.categories.map((c) => row(name(c.key), c, c.size, c.key))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
