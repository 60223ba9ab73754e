import { useRef, useState } from 'react';
import type { Model } from '../../core/model/model.types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { EntryForm } from './EntryForm.js';
import { onsiteApi, type Contact, type EntryOf, type RegisterKind } from './onsite-api.js';
import type { Draft, RegisterConfig } from './register-config.js';
import { columnsOf } from './RegisterCells.js';

/**
 * One register: its entries as a table and, for people who may annotate, an add form, an edit
 * form per entry and a delete that asks once more. The server's refusal (such as a contact an
 * interview still names) is shown with its own message.
 */
export function RegisterSection<K extends RegisterKind>({
  assessmentId,
  config,
  entries,
  model,
  contacts,
  canWrite,
  onChanged,
}: {
  assessmentId: string;
  config: RegisterConfig<K>;
  entries: EntryOf<K>[];
  model: Model;
  contacts: Contact[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  // null: no form; 'new': the add form; otherwise the id of the entry being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const columns = columnsOf(config.kind, t, model, contacts);
  const headingId = `register-${config.kind}`;
  const labelOf = (entry: EntryOf<K>) => config.label(entry, contacts);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      await action();
      setEditing(null);
      setConfirming(null);
      setMessage(done);
      // The form or row just used is gone; the outcome keeps the focus on the section.
      statusRef.current?.focus();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const save = (draft: Draft) => {
    const body = config.toBody(draft);
    const id = editing;
    return run(
      () =>
        id && id !== 'new'
          ? onsiteApi.replace(assessmentId, config.kind, id, body)
          : onsiteApi.create(assessmentId, config.kind, body),
      t(config.saved),
    );
  };
  const remove = (entry: EntryOf<K>) =>
    run(
      () => onsiteApi.remove(assessmentId, config.kind, entry.id),
      t('onsite.deleted', { name: labelOf(entry) }),
    );
  const edited = entries.find((e) => e.id === editing);

  return (
    <section aria-labelledby={headingId} className="onsite-register">
      <h2 id={headingId}>{t(config.heading)}</h2>
      <p role="status" tabIndex={-1} ref={statusRef}>
        {message}
      </p>
      <ErrorAlert error={error} />
      {entries.length === 0 ? (
        <p>{t(config.empty)}</p>
      ) : (
        <table className="data" data-testid={`${config.kind}-table`}>
          <caption className="visually-hidden">{t(config.heading)}</caption>
          <thead>
            <tr>
              {columns.headings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
              {canWrite && <th scope="col">{t('onsite.colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const [first, ...rest] = columns.cells(entry);
              const label = labelOf(entry);
              return (
                <tr key={entry.id} data-entry={entry.id}>
                  <th scope="row">{first}</th>
                  {rest.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                  {canWrite && (
                    <td>
                      {confirming === entry.id ? (
                        <div role="group" aria-label={t('onsite.confirmDelete', { name: label })}>
                          <p>{t('onsite.confirmDelete', { name: label })}</p>
                          <div className="actions">
                            <button type="button" disabled={busy} onClick={() => void remove(entry)}>
                              {t('onsite.deleteYes')}
                            </button>
                            <button type="button" onClick={() => setConfirming(null)}>
                              {t('onsite.deleteNo')}
                            </button>
                          </div>
                        </div>
                      ) : (
                        <div className="actions">
                          {/* Short visible words; the accessible name says which entry. */}
                          <button
                            type="button"
                            aria-label={t('onsite.edit', { name: label })}
                            onClick={() => {
                              setError(null);
                              setEditing(entry.id);
                            }}
                          >
                            {t('onsite.editShort')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('onsite.delete', { name: label })}
                            onClick={() => {
                              setError(null);
                              setConfirming(entry.id);
                            }}
                          >
                            {t('onsite.deleteShort')}
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canWrite && editing === null && (
        <p>
          <button type="button" onClick={() => setEditing('new')}>
            {t(config.add)}
          </button>
        </p>
      )}
      {canWrite && editing !== null && (
        <EntryForm
          // A new key per entry starts the form from that entry's fields.
          key={editing}
          name={edited ? t('onsite.editForm', { name: labelOf(edited) }) : t(config.newForm)}
          fields={config.fields}
          initial={config.toDraft(edited ?? null)}
          model={model}
          {...(config.kind === 'interviews' ? { contacts } : {})}
          busy={busy}
          onSave={(draft) => void save(draft)}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
