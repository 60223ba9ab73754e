import { useId, useState, type FormEvent } from 'react';
import type { Model } from '../../core/model/model.types.js';
import { useT } from '../i18n/useT.js';
import type { Contact } from './onsite-api.js';
import type { Draft, FieldSpec } from './register-config.js';
import { RequirementPicker } from './RequirementPicker.js';

/** The add or edit form of a register entry: its text fields, interviewees (interviews only), requirements. */
export function EntryForm({
  name,
  fields,
  initial,
  model,
  contacts,
  busy,
  onSave,
  onCancel,
}: {
  name: string;
  fields: FieldSpec[];
  initial: Draft;
  model: Model;
  /** Offered as interviewees when given. */
  contacts?: Contact[];
  busy: boolean;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(initial);
  const setText = (field: string, value: string) =>
    setDraft((d) => ({ ...d, texts: { ...d.texts, [field]: value } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };

  return (
    <form aria-label={name} className="onsite-form stack" onSubmit={submit}>
      {fields.map((field) => {
        const fieldId = `${id}-${field.name}`;
        const common = {
          id: fieldId,
          value: draft.texts[field.name] ?? '',
          required: field.required ?? false,
          ...(field.max === undefined ? {} : { maxLength: field.max }),
        };
        return (
          <div className="field" key={field.name}>
            <label htmlFor={fieldId}>{t(field.label)}</label>
            {field.kind === 'textarea' ? (
              <textarea {...common} rows={5} onChange={(e) => setText(field.name, e.target.value)} />
            ) : (
              <input
                {...common}
                type={field.kind === 'date' ? 'date' : 'text'}
                onChange={(e) => setText(field.name, e.target.value)}
              />
            )}
          </div>
        );
      })}
      {contacts && (
        <fieldset>
          <legend>{t('onsite.interviewees')}</legend>
          {contacts.length === 0 && <p className="muted">{t('onsite.noContactsYet')}</p>}
          <ul className="onsite-choices">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={draft.interviewees.includes(contact.id)}
                    onChange={(event) =>
                      setDraft((d) => ({
                        ...d,
                        interviewees: event.target.checked
                          ? [...d.interviewees, contact.id]
                          : d.interviewees.filter((c) => c !== contact.id),
                      }))
                    }
                  />{' '}
                  {contact.role ? `${contact.name} (${contact.role})` : contact.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <RequirementPicker
        model={model}
        chosen={draft.requirements}
        onChange={(requirements) => setDraft((d) => ({ ...d, requirements }))}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('onsite.saving') : t('onsite.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('onsite.cancel')}
        </button>
      </div>
    </form>
  );
}
