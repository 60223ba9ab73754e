import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { loadPacks, type AuditEntry } from './crosswalk-api.js';

/** The fields of an audit entry; empty optional ones are left out of what is sent. */
export function AuditForm({
  idPrefix,
  entry,
  busy,
  error,
  onSave,
  onRemove,
}: {
  idPrefix: string;
  entry: AuditEntry | null;
  busy: boolean;
  error: unknown;
  onSave: (entry: AuditEntry) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const packs = useAsync(loadPacks, []);
  const [audit, setAudit] = useState(entry?.audit ?? '');
  const [reportUrl, setReportUrl] = useState(entry?.reportUrl ?? '');
  const [date, setDate] = useState(entry?.date ?? '');
  const [framework, setFramework] = useState(entry?.framework ?? '');
  const [note, setNote] = useState(entry?.note ?? '');
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form
      className="stack narrow"
      aria-label={t('crosswalk.panel')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave({
          audit,
          reportUrl: reportUrl.trim(),
          date,
          ...(framework ? { framework } : {}),
          ...(note.trim() ? { note } : {}),
        });
      }}
    >
      <p className="field">
        <label htmlFor={id('audit')}>{t('crosswalk.field.audit')}</label>
        <input id={id('audit')} value={audit} onChange={(e) => setAudit(e.target.value)} />
      </p>
      <p className="field">
        <label htmlFor={id('url')}>{t('crosswalk.field.reportUrl')}</label>
        {/* type=text: the server's check (http or https only) answers with the field's path. */}
        <input
          id={id('url')}
          type="text"
          inputMode="url"
          value={reportUrl}
          onChange={(e) => setReportUrl(e.target.value)}
        />
      </p>
      <p className="field">
        <label htmlFor={id('date')}>{t('crosswalk.field.date')}</label>
        <input id={id('date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </p>
      <p className="field">
        <label htmlFor={id('framework')}>{t('crosswalk.field.framework')}</label>
        <select id={id('framework')} value={framework} onChange={(e) => setFramework(e.target.value)}>
          <option value="">{t('crosswalk.field.frameworkNone')}</option>
          {(packs.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.framework}
            </option>
          ))}
          {/* An entry naming a pack this server lacks keeps its value selectable. */}
          {framework && packs.data && !packs.data.some((p) => p.id === framework) && (
            <option value={framework}>{framework}</option>
          )}
        </select>
      </p>
      <p className="field">
        <label htmlFor={id('note')}>{t('crosswalk.field.note')}</label>
        <textarea id={id('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </p>
      {error !== undefined && <ErrorAlert error={error} />}
      <p className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('crosswalk.save')}
        </button>
        {entry && (
          <button type="button" disabled={busy} onClick={onRemove}>
            {t('crosswalk.remove')}
          </button>
        )}
      </p>
    </form>
  );
}
