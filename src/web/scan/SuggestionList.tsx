import { useEffect, useMemo, useRef, useState } from 'react';
import { indexModel, levelName } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { ApiError } from '../api/errors.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { openFirst, scanApi, type Decision, type ScanListItem, type SuggestionView } from './api.js';
import { useDateTime } from './format.js';

const LEVELS = [1, 2, 3, 4, 5] as const;

export function SuggestionList({
  assessmentId,
  model,
  suggestions,
  scans,
  canDecide,
  nameOf,
  onDecided,
}: {
  assessmentId: string;
  model: Model;
  suggestions: SuggestionView[];
  scans: ScanListItem[];
  canDecide: boolean;
  nameOf: (userId: string) => string;
  onDecided: () => void;
}) {
  const t = useT();
  const when = useDateTime();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const ordered = useMemo(() => openFirst(suggestions), [suggestions]);
  const index = indexModel(model);
  const title = (key: string) => {
    const requirement = index.requirementByKey.get(key);
    return requirement ? `${requirement.position} ${requirement.name}` : key;
  };
  const level = (n: number) =>
    n > 0 ? t('scan.levelName', { level: n, name: levelName(model, n) }) : t('scan.notRated');
  const scanDate = (scanId: string) => scans.find((s) => s.id === scanId)?.createdAt;

  const decide = async (suggestion: SuggestionView, decision: Decision) => {
    setBusy(suggestion.id);
    setError(null);
    setMessage('');
    try {
      const { suggestion: decided } = await scanApi.decide(assessmentId, suggestion.id, decision);
      const name = title(decided.requirement);
      setMessage(
        decided.status === 'rejected'
          ? t('scan.rejected', { requirement: name })
          : t('scan.accepted', { requirement: name, level: level(decided.decidedLevel ?? decided.level) }),
      );
      // The buttons just used are gone; the outcome takes the focus so it is not lost to the page.
      statusRef.current?.focus();
      onDecided();
    } catch (caught) {
      setError(caught);
      // Someone else decided first: show the list as it now is.
      if (caught instanceof ApiError && caught.status === 409) onDecided();
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p role="status" tabIndex={-1} ref={statusRef} className="scan-outcome">
        {message}
      </p>
      <ErrorAlert error={error} />
      {ordered.length === 0 ? (
        <p>{t('scan.noSuggestions')}</p>
      ) : (
        <div className="scan-suggestions" data-testid="suggestions">
          {ordered.map((suggestion) => (
            <SuggestionCard
              key={suggestion.id}
              suggestion={suggestion}
              title={title(suggestion.requirement)}
              level={level}
              scanDate={when(scanDate(suggestion.scanId))}
              decidedAt={when(suggestion.decidedAt)}
              canDecide={canDecide && suggestion.status === 'open'}
              decidedBy={suggestion.decidedBy ? nameOf(suggestion.decidedBy) : ''}
              busy={busy !== null}
              onDecide={(decision) => void decide(suggestion, decision)}
            />
          ))}
        </div>
      )}
    </>
  );
}

function SuggestionCard({
  suggestion,
  title,
  level,
  scanDate,
  decidedAt,
  decidedBy,
  canDecide,
  busy,
  onDecide,
}: {
  suggestion: SuggestionView;
  title: string;
  level: (n: number) => string;
  scanDate: string;
  decidedAt: string;
  decidedBy: string;
  canDecide: boolean;
  busy: boolean;
  onDecide: (decision: Decision) => void;
}) {
  const t = useT();
  const [changing, setChanging] = useState(false);
  const [chosen, setChosen] = useState(suggestion.level);
  const selectRef = useRef<HTMLSelectElement>(null);
  // The select appears where "Change…" was: focus follows, so keyboard users land on it.
  useEffect(() => {
    if (changing) selectRef.current?.focus();
  }, [changing]);
  const heading = `suggestion-${suggestion.id}`;
  const selectId = `suggestion-level-${suggestion.id}`;
  return (
    <article
      aria-labelledby={heading}
      className={`scan-suggestion status-${suggestion.status}`}
      data-suggestion={suggestion.id}
      data-requirement={suggestion.requirement}
      data-status={suggestion.status}
    >
      <h3 id={heading}>{title}</h3>
      <p className="muted">
        <code>{suggestion.requirement}</code> · {t('scan.fromScan', { date: scanDate })}
      </p>
      <dl className="scan-facts">
        <div>
          <dt>{t('scan.rule')}</dt>
          <dd>
            <code>{suggestion.rule}</code>
          </dd>
        </div>
        <div>
          <dt>{t('scan.suggested')}</dt>
          <dd data-testid="suggested-level">{level(suggestion.level)}</dd>
        </div>
        <div>
          <dt>{t('scan.current')}</dt>
          <dd data-testid="current-level">{level(suggestion.currentLevel)}</dd>
        </div>
        <div>
          <dt>{t('scan.statusLabel')}</dt>
          <dd data-testid="suggestion-status">{t(`scan.status.${suggestion.status}`)}</dd>
        </div>
      </dl>
      <h4 className="visually-hidden">{t('scan.reasoning')}</h4>
      <ul>
        {suggestion.reasoning.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      {suggestion.status !== 'open' && decidedBy && (
        <p className="muted">
          {suggestion.status === 'rejected'
            ? t('scan.decidedRejected', { name: decidedBy, date: decidedAt })
            : t('scan.decided', {
                name: decidedBy,
                date: decidedAt,
                level: level(suggestion.decidedLevel ?? suggestion.level),
              })}
        </p>
      )}
      {canDecide && !changing && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onDecide({ action: 'accept' })}
          >
            {t('scan.accept')}
          </button>
          <button type="button" disabled={busy} onClick={() => setChanging(true)}>
            {t('scan.change')}
          </button>
          <button type="button" disabled={busy} onClick={() => onDecide({ action: 'reject' })}>
            {t('scan.reject')}
          </button>
        </div>
      )}
      {canDecide && changing && (
        <div className="actions">
          <label htmlFor={selectId}>{t('scan.level')}</label>
          <select
            id={selectId}
            value={chosen}
            ref={selectRef}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {LEVELS.map((n) => (
              <option key={n} value={n}>
                {level(n)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => onDecide({ action: 'change', level: chosen })}
          >
            {t('scan.apply')}
          </button>
          <button type="button" disabled={busy} onClick={() => setChanging(false)}>
            {t('scan.cancel')}
          </button>
        </div>
      )}
    </article>
  );
}
