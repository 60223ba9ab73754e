import { useEffect, useState } from 'react';
import { roleCan, type Role } from '../../core/access/capabilities.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/routes.js';
import { cyclesApi, type OrgCycles } from './cycles-api.js';
import { Reminder } from './Reminder.js';

type Entry = OrgCycles['assessments'][number];

/** The organisation page's cycles section: each assessment's scope and reminder, and the next-cycle button. */
export function CyclesPanel({ orgId, role }: { orgId: string; role: Role }) {
  const t = useT();
  const list = useAsync(() => cyclesApi.orgCycles(orgId), [orgId]);
  const [error, setError] = useState<unknown>(undefined);
  const canRate = roleCan(role, 'rate');
  const entries = list.data?.assessments ?? [];
  const attention = entries.filter((e) => e.reminder && e.reminder.state !== 'upcoming').length;
  // Folded away unless a re-assessment is due: the assessment list above stays the page's focus.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (attention > 0) setOpen(true);
  }, [attention]);
  if (entries.length === 0) return null;

  const startNext = async (entry: Entry) => {
    setError(undefined);
    try {
      const next = await cyclesApi.nextCycle(entry.assessmentId);
      navigate({ page: 'answer', assessmentId: next.assessment.id });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="cycles-panel">
      <summary>
        {t('cycles.title')}
        {attention > 0 && ` — ${t('cycles.attention', { count: attention })}`}
      </summary>
      <p className="muted">{t('cycles.intro')}</p>
      <p className="actions">
        <Link to={{ page: 'portfolio', orgId }}>{t('cycles.portfolio')}</Link>
      </p>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {error !== undefined && <ErrorAlert error={error} />}
      <table className="data" data-testid="cycles-table">
        <caption className="visually-hidden">{t('cycles.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycles.colAssessment')}</th>
            <th scope="col">{t('cycles.colScope')}</th>
            <th scope="col">{t('cycles.colShared')}</th>
            <th scope="col">{t('cycles.colStatus')}</th>
            <th scope="col">{t('cycles.colReminder')}</th>
            <th scope="col">{t('cycles.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.assessmentId}>
              <th scope="row">
                <Link to={{ page: 'answer', assessmentId: entry.assessmentId }}>{entry.title}</Link>
              </th>
              <td>
                {canRate && entry.status !== 'final' ? (
                  <ScopeField entry={entry} onSaved={list.reload} />
                ) : (
                  entry.scopeKey
                )}
              </td>
              <td>
                <SharedField entry={entry} entries={entries} canRate={canRate} onSaved={list.reload} />
              </td>
              <td>{t(`status.${entry.status}`)}</td>
              <td>
                <Reminder reminder={entry.reminder} />
              </td>
              <td>
                {canRate && entry.isLatestFinal && (
                  <button type="button" onClick={() => void startNext(entry)}>
                    <span aria-hidden="true">{t('cycles.next')}</span>
                    <span className="visually-hidden">{t('cycles.nextOf', { title: entry.title })}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function ScopeField({ entry, onSaved }: { entry: Entry; onSaved: () => void }) {
  const t = useT();
  const [value, setValue] = useState(entry.scopeKey);
  const [error, setError] = useState<unknown>(undefined);
  const save = async () => {
    setError(undefined);
    try {
      await cyclesApi.updateCycle(entry.assessmentId, { scopeKey: value });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        aria-label={t('cycles.scopeLabel', { title: entry.title })}
        value={value}
        maxLength={80}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" disabled={value.trim() === '' || value.trim() === entry.scopeKey}>
        <span aria-hidden="true">{t('cycles.saveScope')}</span>
        <span className="visually-hidden">{t('cycles.saveScopeOf', { title: entry.title })}</span>
      </button>
      {error !== undefined && <ErrorAlert error={error} />}
    </form>
  );
}

/**
 * Where an assessment's Governance and Resources answers come from: its own, or another
 * assessment of the same model version that shares none itself. Final ones just say it.
 */
function SharedField({
  entry,
  entries,
  canRate,
  onSaved,
}: {
  entry: Entry;
  entries: Entry[];
  canRate: boolean;
  onSaved: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(undefined);
  const source = entries.find((e) => e.assessmentId === entry.sharedSourceId);
  if (!canRate || entry.status === 'final') {
    return <>{source ? t('cycles.sharedFrom', { title: source.title }) : t('cycles.sharedOwn')}</>;
  }
  const isSource = entries.some((e) => e.sharedSourceId === entry.assessmentId);
  const candidates = entries.filter(
    (e) =>
      e.assessmentId !== entry.assessmentId &&
      e.modelVersion === entry.modelVersion &&
      e.sharedSourceId === null,
  );
  const change = async (value: string) => {
    setError(undefined);
    try {
      await cyclesApi.updateCycle(entry.assessmentId, { sharedSourceId: value === '' ? null : value });
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <select
        aria-label={t('cycles.sharedLabel', { title: entry.title })}
        value={entry.sharedSourceId ?? ''}
        disabled={isSource}
        onChange={(e) => void change(e.target.value)}
      >
        <option value="">{t('cycles.sharedOwn')}</option>
        {candidates.map((c) => (
          <option key={c.assessmentId} value={c.assessmentId}>
            {t('cycles.sharedFrom', { title: c.title })}
          </option>
        ))}
      </select>
      {error !== undefined && <ErrorAlert error={error} />}
    </>
  );
}
