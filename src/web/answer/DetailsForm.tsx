import { useState, type FormEvent } from 'react';
import type { Assessment, AssessmentType } from '../../core/assessment/assessment.types.js';
import type { MetadataChange } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { ScopeFields, type ScopeState } from '../pages/ScopeFields.js';

const TYPES: AssessmentType[] = ['self', 'formal', 'third-party'];

/** Title, type and scope after creation, folded away under the page heading. */
export function DetailsForm({
  assessment,
  disabled,
  onSave,
}: {
  assessment: Assessment;
  disabled: boolean;
  onSave: (patch: MetadataChange) => Promise<void>;
}) {
  const t = useT();
  const [title, setTitle] = useState(assessment.title);
  const [type, setType] = useState<AssessmentType>(assessment.type ?? 'self');
  const [scope, setScope] = useState<ScopeState>(assessment.scope ?? {});
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    // Empty fields are left out rather than stored as empty strings; no field at all clears the scope.
    const kept = Object.fromEntries(
      Object.entries(scope as Record<string, string | undefined>).filter(([, v]) => v?.trim()),
    );
    try {
      await onSave({ title: title.trim(), type, scope: Object.keys(kept).length > 0 ? kept : null });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <details className="details-form">
      <summary>{t('details.title')}</summary>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={disabled} className="stack">
          <label className="field">
            {t('wizard.assessmentTitle')}
            <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <fieldset>
            <legend>{t('wizard.type')}</legend>
            {TYPES.map((v) => (
              <label key={v} className="inline-field">
                <input
                  type="radio"
                  name="details-type"
                  value={v}
                  checked={type === v}
                  onChange={() => setType(v)}
                />
                {t(`type.${v}`)}
              </label>
            ))}
          </fieldset>
          <ScopeFields scope={scope} onChange={setScope} />
          <p>
            <button type="submit" className="primary">
              {t('details.save')}
            </button>
          </p>
        </fieldset>
        {saved && <p role="status">{t('details.saved')}</p>}
        <ErrorAlert error={error} />
      </form>
    </details>
  );
}
