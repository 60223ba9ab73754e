import { useState, type FormEvent } from 'react';
import type { Assessment, AssessmentType } from '../../core/assessment/assessment.types.js';
import type { MetadataChange } from '../api/types.js';
import { ChoiceRadios } from '../components/ChoiceRadios.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';
import { ScopeFields, type ScopeState } from '../pages/ScopeFields.js';

const TYPES: AssessmentType[] = ['self', 'formal', 'third-party'];
const POSITIONS = ['internal', 'external'] as const;

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
  const [organisation, setOrganisation] = useState(assessment.organisation ?? '');
  const [assessor, setAssessor] = useState({
    name: assessment.assessor?.name ?? '',
    company: assessment.assessor?.company ?? '',
    position: assessment.assessor?.position ?? 'internal',
  });
  const [dates, setDates] = useState({
    start: assessment.dates?.start ?? '',
    target: assessment.dates?.target ?? '',
    finish: assessment.dates?.finish ?? '',
  });
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    // Empty fields are left out rather than stored as empty strings; no field at all clears the scope.
    const filled = <T extends object>(value: T) => {
      const kept = Object.fromEntries(
        Object.entries(value as Record<string, string | undefined>)
          .map(([k, v]) => [k, v?.trim()] as const)
          .filter(([, v]) => v),
      );
      return Object.keys(kept).length > 0 ? kept : null;
    };
    const who = filled({ name: assessor.name, company: assessor.company });
    try {
      await onSave({
        title: title.trim(),
        type,
        scope: filled(scope),
        organisation: organisation.trim() || null,
        assessor: who ? { ...who, position: assessor.position } : null,
        dates: filled(dates),
      });
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
          <ChoiceRadios
            legend="wizard.type"
            name="details-type"
            values={TYPES}
            value={type}
            prefix="type"
            onChange={setType}
          />
          <label className="field">
            {t('details.organisation')}
            <input maxLength={300} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          </label>
          <fieldset className="stack">
            <legend>{t('details.assessor')}</legend>
            <label className="field">
              {t('details.assessorName')}
              <input
                maxLength={200}
                value={assessor.name}
                onChange={(e) => setAssessor({ ...assessor, name: e.target.value })}
              />
            </label>
            <label className="field">
              {t('details.assessorCompany')}
              <input
                maxLength={200}
                value={assessor.company}
                onChange={(e) => setAssessor({ ...assessor, company: e.target.value })}
              />
            </label>
            <ChoiceRadios
              legend="details.position"
              name="details-position"
              values={POSITIONS}
              value={assessor.position}
              prefix="details"
              onChange={(position) => setAssessor({ ...assessor, position })}
            />
          </fieldset>
          <fieldset className="row">
            <legend>{t('details.dates')}</legend>
            {(['start', 'target', 'finish'] as const).map((d) => (
              <label key={d} className="field">
                {t(`details.date.${d}`)}
                <input
                  type="date"
                  value={dates[d]}
                  onChange={(e) => setDates({ ...dates, [d]: e.target.value })}
                />
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
