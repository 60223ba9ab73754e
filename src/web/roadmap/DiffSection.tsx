import { formatNumber } from '../../core/scoring/explain.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { roadmapApi, type DiffBody } from './roadmap-api.js';

type Value = DiffBody['requirements'][number]['before'];

/** What changed from assessment a to b: requirements up, down or N/A, and the effect on each category. */
export function DiffSection({
  a,
  b,
  titleA,
  titleB,
}: {
  a: string;
  b: string;
  titleA: string;
  titleB: string;
}) {
  const t = useT();
  const diff = useAsync(() => roadmapApi.diff(a, b), [a, b]);
  const show = (value: Value) =>
    value === null
      ? t('roadmap.diff.notRated')
      : value === 'n/a'
        ? t('roadmap.diff.na')
        : formatNumber(Number(value.toFixed(2)));
  return (
    <section aria-labelledby="diff-heading" data-testid="diff">
      <h2 id="diff-heading">{t('roadmap.diff.title', { a: titleA, b: titleB })}</h2>
      {diff.error ? <ErrorAlert error={diff.error} /> : null}
      {!diff.data ? (
        diff.loading && <p>{t('app.loading')}</p>
      ) : (
        <>
          {diff.data.mapped && <p>{t('roadmap.diff.mapped')}</p>}
          <h3>{t('roadmap.diff.requirements')}</h3>
          {diff.data.requirements.length === 0 ? (
            <p>{t('roadmap.diff.noRequirements')}</p>
          ) : (
            <table className="data">
              <caption>{t('roadmap.diff.requirements')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roadmap.diff.colRequirement')}</th>
                  <th scope="col">{t('roadmap.diff.colBefore')}</th>
                  <th scope="col">{t('roadmap.diff.colAfter')}</th>
                  <th scope="col">{t('roadmap.diff.colChange')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.requirements.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.name} <code>{r.id}</code>
                    </th>
                    <td>{show(r.before)}</td>
                    <td>{show(r.after)}</td>
                    <td>{t(`roadmap.diff.change.${r.change}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('roadmap.diff.categories')}</h3>
          {diff.data.categories.length === 0 ? (
            <p>{t('roadmap.diff.noCategories')}</p>
          ) : (
            <table className="data">
              <caption>{t('roadmap.diff.categories')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roadmap.diff.colCategory')}</th>
                  <th scope="col">{t('roadmap.diff.colBefore')}</th>
                  <th scope="col">{t('roadmap.diff.colAfter')}</th>
                  <th scope="col">{t('roadmap.diff.colChange')}</th>
                </tr>
              </thead>
              <tbody>
                {diff.data.categories.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{show(c.before)}</td>
                    <td>{show(c.after)}</td>
                    <td>
                      {c.delta === null
                        ? '–'
                        : `${c.delta > 0 ? '+' : ''}${formatNumber(Number(c.delta.toFixed(2)))}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p data-testid="diff-overall">
            {t('roadmap.diff.overall', {
              before:
                diff.data.overall.before === null
                  ? t('roadmap.diff.notRated')
                  : show(diff.data.overall.before),
              after:
                diff.data.overall.after === null ? t('roadmap.diff.notRated') : show(diff.data.overall.after),
            })}
          </p>
        </>
      )}
    </section>
  );
}
