import { useMemo, type CSSProperties } from 'react';
import type { ScanIndicators } from '../../core/scan/scan.types.js';
import { useT } from '../i18n/useT.js';
import { Chart } from '../results/Chart.js';
import { commonNameOf } from './format.js';
import { columnChart, rankingChart, rankingHeight, type Bar } from './scan-charts.js';

/** More issuers than this make a chart of slivers; the table still lists every one. */
const TOP_ISSUERS = 20;

/** A chart with its numbers as a table in a disclosure (the chart's text alternative). */
function ChartWithTable({
  id,
  title,
  label,
  labelColumn,
  bars,
  ranking,
}: {
  id: string;
  title: string;
  label: string;
  labelColumn: string;
  bars: Bar[];
  ranking: boolean;
}) {
  const t = useT();
  const countName = t('scan.colCount');
  const option = useMemo(
    () => (ranking ? rankingChart(bars, countName) : columnChart(bars, countName)),
    [bars, ranking, countName],
  );
  const style = ranking
    ? ({ '--scan-chart-height': rankingHeight(bars.length) } as CSSProperties)
    : undefined;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{title}</h4>
      {bars.length === 0 ? (
        <p>{t('scan.noData')}</p>
      ) : (
        <div className="scan-chart" style={style}>
          <Chart option={option} label={label} testId={`${id}-chart`} />
        </div>
      )}
      {bars.length > 0 && (
        <details>
          <summary>{t('scan.table')}</summary>
          <table className="data" data-testid={`${id}-table`}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelColumn}</th>
                <th scope="col">{countName}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar, i) => (
                <tr key={`${bar.label}-${i}`}>
                  <th scope="row" className="scan-break">
                    {bar.label}
                  </th>
                  <td>{bar.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}

const bars = (entries: { key: string; count: number }[]): Bar[] =>
  entries.map((e) => ({ label: e.key, count: e.count }));

/** Expiry timeline, key types and sizes, signature algorithms and issuers, each as a chart and a table. */
export function ScanCharts({ indicators }: { indicators: ScanIndicators }) {
  const t = useT();
  const expiry = useMemo(() => bars(indicators.expiryByMonth), [indicators]);
  const keyTypes = useMemo(() => bars(indicators.keyTypes), [indicators]);
  const signatures = useMemo(() => bars(indicators.signatureAlgorithms), [indicators]);
  const issuers = useMemo(
    () => [...indicators.issuers].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    [indicators],
  );
  const issuerBars = useMemo(
    () => issuers.map((issuer) => ({ label: issuer.name, count: issuer.count })),
    [issuers],
  );
  const topIssuers = useMemo(() => issuerBars.slice(0, TOP_ISSUERS), [issuerBars]);
  return (
    <section aria-labelledby="scan-charts">
      <h3 id="scan-charts">{t('scan.charts')}</h3>
      <ChartWithTable
        id="expiry"
        title={t('scan.expiry')}
        label={t('scan.expiryLabel')}
        labelColumn={t('scan.colMonth')}
        bars={expiry}
        ranking={false}
      />
      <div className="scan-chart-pair">
        <ChartWithTable
          id="key-types"
          title={t('scan.keyTypes')}
          label={t('scan.keyTypesLabel')}
          labelColumn={t('scan.colKeyType')}
          bars={keyTypes}
          ranking
        />
        <ChartWithTable
          id="signatures"
          title={t('scan.signatures')}
          label={t('scan.signaturesLabel')}
          labelColumn={t('scan.colAlgorithm')}
          bars={signatures}
          ranking
        />
      </div>
      <IssuersChart
        all={issuerBars}
        top={topIssuers}
        known={issuers.map((issuer) => (issuer.knownToScope ? t('scan.yes') : t('scan.no')))}
      />
    </section>
  );
}

function IssuersChart({ all, top, known }: { all: Bar[]; top: Bar[]; known: string[] }) {
  const t = useT();
  const countName = t('scan.colCount');
  // Whole names do not fit beside a bar; the chart uses the common name, the table the whole name.
  const option = useMemo(
    () =>
      rankingChart(
        top.map((bar) => ({ ...bar, label: commonNameOf(bar.label) })),
        countName,
      ),
    [top, countName],
  );
  const style = { '--scan-chart-height': rankingHeight(top.length) } as CSSProperties;
  return (
    <section aria-labelledby="issuers-heading">
      <h4 id="issuers-heading">{t('scan.issuers')}</h4>
      {all.length === 0 ? (
        <p>{t('scan.noData')}</p>
      ) : (
        <>
          {all.length > top.length && <p>{t('scan.issuersTop', { top: top.length, total: all.length })}</p>}
          <div className="scan-chart" style={style}>
            <Chart option={option} label={t('scan.issuersLabel')} testId="issuers-chart" />
          </div>
          <details>
            <summary>{t('scan.table')}</summary>
            <table className="data" data-testid="issuers-table">
              <caption className="visually-hidden">{t('scan.issuers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scan.colIssuerName')}</th>
                  <th scope="col">{countName}</th>
                  <th scope="col">{t('scan.colKnown')}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((bar, i) => (
                  <tr key={`${bar.label}-${i}`}>
                    <th scope="row" className="scan-break">
                      {bar.label}
                    </th>
                    <td>{bar.count}</td>
                    <td>{known[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
