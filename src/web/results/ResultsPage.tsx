import { useMemo } from 'react';
import { explainScore, formatNumber } from '../../core/scoring/explain.js';
import { analyseGaps } from '../../core/scoring/gap-analysis.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ExchangeSection } from '../exchange/ExchangeSection.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { Chart } from './Chart.js';
import { Distribution } from './Distribution.js';
import { HeatmapTable } from './HeatmapTable.js';
import { Gaps } from './Gaps.js';
import { categoryAxes, categoryRadar, heatmap, moduleAxes, moduleRadar, type Series } from './options.js';
import { ScoreTable } from './ScoreTable.js';
import { useResults, type Results } from './useResults.js';

function ResultsView({ results, onChanged }: { results: Results; onChanged: () => void }) {
  const t = useT();
  const { record, model, assessment, report, previous } = results;
  const series: Series[] = useMemo(
    () => [
      { name: t('results.current'), report },
      ...(previous
        ? [{ name: t('results.previous', { title: previous.record.title }), report: previous.report }]
        : []),
    ],
    [t, report, previous],
  );
  const categories = useMemo(() => categoryRadar(categoryAxes(report), series), [report, series]);
  const modules = useMemo(() => moduleRadar(moduleAxes(report), series), [report, series]);
  const heat = useMemo(
    () => (record.mode === 'full' ? heatmap(model, assessment) : null),
    [record.mode, model, assessment],
  );
  const gaps = useMemo(() => analyseGaps(model, assessment, report), [model, assessment, report]);
  const explanation = useMemo(() => explainScore(report).join('\n'), [report]);
  const overall = report.overall;

  return (
    <>
      <h1 tabIndex={-1}>{t('results.title', { title: record.title })}</h1>
      <p>
        <Link to={{ page: 'answer', assessmentId: record.id }}>{t('results.back')}</Link>
        {' · '}
        <Link to={{ page: 'roadmap', assessmentId: record.id }}>{t('roadmap.link')}</Link>
        {' · '}
        <Link to={{ page: 'benchmark', assessmentId: record.id }}>{t('benchmark.link')}</Link>
        {' · '}
        <Link to={{ page: 'scan', assessmentId: record.id }}>{t('scan.link')}</Link>
        {' · '}
        <Link to={{ page: 'assurance', assessmentId: record.id }}>{t('assurance.link')}</Link>
        {' · '}
        <Link to={{ page: 'crosswalk', assessmentId: record.id }}>{t('crosswalk.link')}</Link>
      </p>
      <section aria-labelledby="overall">
        <h2 id="overall">{t('results.overall')}</h2>
        <p data-testid="overall-level">
          {overall.raw === null
            ? t('score.none')
            : `${overall.level} ${overall.levelName ?? ''} (${t('score.raw')} ${formatNumber(overall.raw)})`}
        </p>
      </section>
      <section aria-labelledby="radar-categories">
        <h2 id="radar-categories">{t('results.categories')}</h2>
        <Chart option={categories} label={t('results.categoriesRadar')} testId="radar-categories" />
        <ScoreTable report={report} />
      </section>
      <section aria-labelledby="radar-modules">
        <h2 id="radar-modules">{t('results.modules')}</h2>
        <Chart option={modules} label={t('results.modulesRadar')} testId="radar-modules" />
      </section>
      {heat && (
        <section aria-labelledby="heatmap">
          <h2 id="heatmap">{t('results.heatmap')}</h2>
          <Chart option={heat} label={t('results.heatmapLabel')} testId="heatmap" />
          <HeatmapTable model={model} assessment={assessment} />
        </section>
      )}
      <section aria-labelledby="distribution">
        <h2 id="distribution">{t('results.distribution')}</h2>
        <Distribution model={model} assessment={assessment} />
      </section>
      <section aria-labelledby="gaps">
        <h2 id="gaps">{t('results.gaps')}</h2>
        <Gaps gaps={gaps} />
      </section>
      <section aria-labelledby="explain">
        <h2 id="explain">{t('results.explain')}</h2>
        <details>
          <summary>{t('results.explain')}</summary>
          <pre className="explain">{explanation}</pre>
        </details>
      </section>
      <ExchangeSection record={record} onChanged={onChanged} />
    </>
  );
}

export default function ResultsPage({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  const results = useResults(assessmentId);
  if (results.error !== undefined)
    return (
      <>
        <h1 tabIndex={-1}>{t('error.title')}</h1>
        <ErrorAlert error={results.error} />
      </>
    );
  if (!results.data) return <p>{t('app.loading')}</p>;
  return <ResultsView results={results.data} onChanged={results.reload} />;
}
