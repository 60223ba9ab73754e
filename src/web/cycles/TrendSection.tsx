import { useMemo } from 'react';
import { formatNumber } from '../../core/scoring/explain.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Chart } from '../results/Chart.js';
import { cyclesApi, type Trend } from './cycles-api.js';
import { trendOption } from './trend-chart.js';

const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : formatNumber(value);

/** A scope's raw levels over its final assessments: a line chart and the same numbers as a table. */
export function TrendSection({ orgId, scope }: { orgId: string; scope: string }) {
  const t = useT();
  const trend = useAsync(() => cyclesApi.trend(orgId, scope), [orgId, scope]);
  return (
    <>
      {trend.error !== undefined && <ErrorAlert error={trend.error} />}
      {trend.data && trend.data.points.length === 0 && <p>{t('cycles.trendEmpty')}</p>}
      {trend.data && trend.data.points.length > 0 && <TrendView trend={trend.data} />}
    </>
  );
}

function TrendView({ trend }: { trend: Trend }) {
  const t = useT();
  const overallName = t('cycles.overall');
  const option = useMemo(() => trendOption(trend, overallName), [trend, overallName]);
  return (
    <>
      <div className="trend-chart">
        <Chart
          option={option}
          label={t('cycles.trendChart', { scope: trend.scopeKey })}
          testId="trend-chart"
        />
      </div>
      {/* Many cycles make a wide table: it scrolls on its own and can be reached by keyboard to do so. */}
      <div
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('cycles.trendChart', { scope: trend.scopeKey })}
      >
        <table className="data" data-testid="trend-table">
          <caption className="visually-hidden">{t('cycles.trendChart', { scope: trend.scopeKey })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cycles.colCategory')}</th>
              {trend.points.map((p) => (
                <th scope="col" key={p.assessmentId}>
                  {p.title}
                  <br />
                  <span className="muted">{new Date(p.at).toLocaleDateString()}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{overallName}</th>
              {trend.points.map((p) => (
                <td key={p.assessmentId}>{num(p.overall)}</td>
              ))}
            </tr>
            {trend.categories.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                {trend.points.map((p) => (
                  <td key={p.assessmentId}>{num(p.categories[c.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
