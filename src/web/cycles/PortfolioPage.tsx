import { useEffect, useState } from 'react';
import { roleCan } from '../../core/access/capabilities.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { cyclesApi, type Portfolio } from './cycles-api.js';
import { Reminder } from './Reminder.js';
import { TrendSection } from './TrendSection.js';

const num = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : formatNumber(value);

/** #/orgs/{orgId}/portfolio: the scopes rolled up by weight, the weights, and each scope's trend. */
export default function PortfolioPage({ orgId }: { orgId: string }) {
  const t = useT();
  const { me } = useSession();
  const org = me.organisations.find((o) => o.id === orgId);
  const data = useAsync(() => cyclesApi.portfolio(orgId), [orgId]);
  const [saved, setSaved] = useState<Portfolio | undefined>(undefined);
  const portfolio = saved ?? data.data;
  const [scope, setScope] = useState<string | undefined>(undefined);
  const scopes = portfolio?.scopes ?? [];
  const chosen = scope ?? scopes[0]?.scopeKey;

  return (
    <>
      <h1 tabIndex={-1}>{t('cycles.portfolioTitle', { name: org?.name ?? orgId })}</h1>
      <p>{t('cycles.portfolioIntro')}</p>
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      {data.loading && !portfolio && <p>{t('app.loading')}</p>}
      {portfolio && scopes.length === 0 && <p>{t('cycles.portfolioEmpty')}</p>}
      {portfolio && scopes.length > 0 && (
        <>
          <h2>{t('cycles.rollUp')}</h2>
          <RollUpTable portfolio={portfolio} />
          <Weights
            key={scopes.map((s) => s.scopeKey).join()}
            orgId={orgId}
            portfolio={portfolio}
            canEdit={org !== undefined && roleCan(org.role, 'manage-members')}
            onSaved={setSaved}
          />
          <h2>{t('cycles.trend')}</h2>
          <label className="inline-field">
            {t('cycles.trendScope')}
            <select value={chosen} onChange={(e) => setScope(e.target.value)}>
              {scopes.map((s) => (
                <option key={s.scopeKey} value={s.scopeKey}>
                  {s.scopeKey}
                </option>
              ))}
            </select>
          </label>
          {chosen !== undefined && <TrendSection orgId={orgId} scope={chosen} />}
        </>
      )}
    </>
  );
}

function RollUpTable({ portfolio }: { portfolio: Portfolio }) {
  const t = useT();
  const levelOf = (levels: { scopeKey: string; raw: number }[], scopeKey: string) =>
    levels.find((l) => l.scopeKey === scopeKey)?.raw ?? null;
  const rows = [{ key: 'overall', name: t('cycles.overall'), ...portfolio.overall }, ...portfolio.categories];
  return (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('cycles.rollUp')}>
      <table className="data" data-testid="portfolio-table">
        <caption className="visually-hidden">{t('cycles.rollUp')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycles.colCategory')}</th>
            {portfolio.scopes.map((s) => (
              <th scope="col" key={s.scopeKey}>
                {s.scopeKey}
                <br />
                <Link to={{ page: 'answer', assessmentId: s.assessment.id }}>
                  {t('cycles.scopeSummary', {
                    assessment: s.assessment.title,
                    status: t(`status.${s.assessment.status}`),
                  })}
                </Link>
                <br />
                <Reminder reminder={s.reminder} />
              </th>
            ))}
            <th scope="col">{t('cycles.colPortfolio')}</th>
            <th scope="col">{t('cycles.colBottleneck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {portfolio.scopes.map((s) => (
                <td key={s.scopeKey}>{num(levelOf(row.scopes, s.scopeKey))}</td>
              ))}
              <td>
                <strong>{num(row.raw)}</strong>
              </td>
              <td data-testid={`bottleneck-${row.key}`}>{row.bottleneck?.scopeKey ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Weights({
  orgId,
  portfolio,
  canEdit,
  onSaved,
}: {
  orgId: string;
  portfolio: Portfolio;
  canEdit: boolean;
  onSaved: (p: Portfolio) => void;
}) {
  const t = useT();
  const initial = () => Object.fromEntries(portfolio.scopes.map((s) => [s.scopeKey, String(s.weight)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  useEffect(() => setDone(false), [values]);
  const save = async () => {
    setError(undefined);
    try {
      const weights = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
      onSaved(await cyclesApi.setWeights(orgId, weights));
      setDone(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      aria-labelledby="weights-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id="weights-title">{t('cycles.weights')}</h2>
      {!canEdit && <p className="muted">{t('cycles.weightsOwners')}</p>}
      <div className="row">
        {portfolio.scopes.map((s) => (
          <label key={s.scopeKey} className="inline-field">
            {t('cycles.weightOf', { scope: s.scopeKey })}
            <input
              type="number"
              min={0}
              max={1000}
              step="any"
              required
              disabled={!canEdit}
              value={values[s.scopeKey] ?? ''}
              onChange={(e) => setValues({ ...values, [s.scopeKey]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {canEdit && (
        <p>
          <button type="submit" className="primary">
            {t('cycles.saveWeights')}
          </button>
        </p>
      )}
      <p role="status">{done ? t('cycles.saved') : ''}</p>
      {error !== undefined && <ErrorAlert error={error} />}
    </form>
  );
}
