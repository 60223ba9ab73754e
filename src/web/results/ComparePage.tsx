import { useMemo } from 'react';
import { formatNumber } from '../../core/scoring/explain.js';
import { api } from '../api/endpoints.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { navigate } from '../router/routes.js';
import { Chart } from './Chart.js';
import { categoryAxes, categoryRadar } from './options.js';
import { loadScored, type Scored } from './useScored.js';
import { DiffSection } from '../roadmap/DiffSection.js';

const num = (value: number | null) => (value === null ? '–' : formatNumber(value));

function CompareTable({ left, right }: { left: Scored; right: Scored }) {
  const t = useT();
  const sameModel =
    left.record.model.id === right.record.model.id &&
    left.record.model.version === right.record.model.version;
  const series = useMemo(
    () => [
      { name: `1: ${left.record.title}`, report: left.report },
      { name: `2: ${right.record.title}`, report: right.report },
    ],
    [left, right],
  );
  const radar = useMemo(() => categoryRadar(categoryAxes(left.report), series), [left, series]);
  const rows = [
    { key: 'overall', name: t('results.overall'), a: left.report.overall.raw, b: right.report.overall.raw },
    ...(sameModel
      ? left.report.categories.map((c) => ({
          key: c.key,
          name: c.name,
          a: c.raw,
          b: right.report.categories.find((d) => d.key === c.key)?.raw ?? null,
        }))
      : []),
  ];
  return (
    <>
      {!sameModel && <p>{t('compare.differentModels')}</p>}
      {sameModel && <Chart option={radar} label={t('compare.radar')} testId="radar-compare" />}
      <table className="data">
        <caption className="visually-hidden">{t('compare.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.categories')}</th>
            <th scope="col">1: {left.record.title}</th>
            <th scope="col">2: {right.record.title}</th>
            <th scope="col">{t('compare.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td>{num(row.a)}</td>
              <td>{num(row.b)}</td>
              <td>{row.a === null || row.b === null ? '–' : formatNumber(row.b - row.a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default function ComparePage({
  orgId,
  a,
  b,
}: {
  orgId: string;
  a?: string | undefined;
  b?: string | undefined;
}) {
  const t = useT();
  const list = useAsync(() => api.assessments(orgId), [orgId]);
  const pair = useAsync(async () => (a && b ? Promise.all([loadScored(a), loadScored(b)]) : null), [a, b]);
  const assessments = list.data?.assessments ?? [];
  const choose = (which: 'a' | 'b', id: string) =>
    navigate({
      page: 'compare',
      orgId,
      ...(which === 'a' ? { a: id, ...(b ? { b } : {}) } : { a: a ?? id, b: id }),
    });

  return (
    <>
      <h1 tabIndex={-1}>{t('compare.title')}</h1>
      <ErrorAlert error={list.error ?? pair.error} />
      <div className="row">
        {(['a', 'b'] as const).map((which) => (
          <label key={which} className="field">
            {t(which === 'a' ? 'compare.a' : 'compare.b')}
            <select value={(which === 'a' ? a : b) ?? ''} onChange={(e) => choose(which, e.target.value)}>
              <option value="">—</option>
              {assessments.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title} ({x.model.version}, {new Date(x.updatedAt).toLocaleDateString()})
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {!pair.data && !pair.loading && <p>{t('compare.choose')}</p>}
      {pair.loading && a && b && <p>{t('app.loading')}</p>}
      {pair.data && <CompareTable left={pair.data[0]} right={pair.data[1]} />}
      {pair.data && a && b && (
        <DiffSection a={a} b={b} titleA={pair.data[0].record.title} titleB={pair.data[1].record.title} />
      )}
    </>
  );
}
