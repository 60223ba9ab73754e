import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import {
  ASSESSMENT_TYPES,
  benchmarkApi,
  PROFILE_FIELDS,
  type CompareQuery,
  type CompareResult,
  type Profile,
  type ProfileOptions,
} from './benchmark-api.js';
import type { NamedCategory } from './benchmark-charts.js';
import { CompareForm } from './CompareForm.js';
import { CompareResultView } from './CompareResultView.js';
import { profileLabel } from './ProfileSelect.js';

const EVERYONE: CompareQuery = { filters: {}, types: [...ASSESSMENT_TYPES], weighting: 'none' };

/** Comparing with a peer group; a refused group shows why and offers the suggested broader one. */
export function CompareSection({
  assessmentId,
  options,
  names,
}: {
  assessmentId: string;
  options: ProfileOptions;
  names: NamedCategory[];
}) {
  const t = useT();
  const [query, setQuery] = useState<CompareQuery>(EVERYONE);
  const [result, setResult] = useState<CompareResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const compare = async (next: CompareQuery) => {
    setQuery(next);
    setBusy(true);
    setError(null);
    try {
      setResult(await benchmarkApi.compare(assessmentId, next));
    } catch (caught) {
      setResult(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const describe = (filters: Partial<Profile>) => {
    const parts = PROFILE_FIELDS.flatMap((field) => {
      const code = filters[field];
      return code ? [`${t(`benchmark.field.${field}`)}: ${profileLabel(options, field, code)}`] : [];
    });
    return parts.length ? parts.join(', ') : t('benchmark.everyone');
  };

  return (
    <section aria-labelledby="benchmark-compare">
      <h2 id="benchmark-compare">{t('benchmark.compare')}</h2>
      {result?.status === 'ok' && result.synthetic && (
        <p className="badge-synthetic" data-testid="synthetic-badge">
          <strong>{t('benchmark.synthetic')}</strong> {t('benchmark.syntheticNote')}
        </p>
      )}
      <CompareForm
        key={JSON.stringify(query)}
        options={options}
        query={query}
        busy={busy}
        onCompare={(next) => void compare(next)}
      />
      <div role="status" className="save-status">
        {busy ? t('app.loading') : ''}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {result?.status === 'ok' && <CompareResultView result={result} names={names} />}
      {result?.status === 'refused' && (
        <div role="alert" data-testid="refused">
          <h3>{t('benchmark.refused')}</h3>
          <p>
            {t(result.reason === 'too-small' ? 'benchmark.refusedTooSmall' : 'benchmark.refusedDifference', {
              k: result.k,
            })}
          </p>
          {result.suggestion && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void compare({ ...query, filters: result.suggestion?.filters ?? {} })}
            >
              {t('benchmark.suggestion', { group: describe(result.suggestion.filters) })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
