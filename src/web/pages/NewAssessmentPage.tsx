import { useState, type FormEvent } from 'react';
import type { AssessmentMode, AssessmentType } from '../../core/assessment/assessment.types.js';
import { api, listModels, loadModel } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/useT.js';
import { navigate } from '../router/routes.js';
import { ChoiceRadios } from '../components/ChoiceRadios.js';
import { ApplicabilityMatrix, type Decisions } from './ApplicabilityMatrix.js';
import { ScopeFields, type ScopeState } from './ScopeFields.js';

const STEPS: MessageKey[] = [
  'wizard.stepBasics',
  'wizard.stepScope',
  'wizard.stepApplicability',
  'wizard.stepReview',
];
const TYPES: AssessmentType[] = ['self', 'formal', 'third-party'];
const MODES: AssessmentMode[] = ['self', 'full'];

export function NewAssessmentPage({ orgId }: { orgId: string }) {
  const t = useT();
  const models = useAsync(listModels, []);
  const [step, setStep] = useState(0);
  const [title, setTitle] = useState('');
  const [modelKey, setModelKey] = useState('');
  const [mode, setMode] = useState<AssessmentMode>('self');
  const [type, setType] = useState<AssessmentType>('self');
  const [scope, setScope] = useState<ScopeState>({});
  const [decisions, setDecisions] = useState<Decisions>({});
  const [error, setError] = useState<unknown>(undefined);
  const [progress, setProgress] = useState<string | null>(null);

  const refs = models.data ?? [];
  const chosen = refs.find((m) => `${m.id}@${m.version}` === modelKey) ?? refs[refs.length - 1];
  const model = useAsync(
    () => (chosen ? loadModel(chosen.id, chosen.version) : Promise.resolve(undefined)),
    [chosen?.id, chosen?.version],
  );

  function validate(): string | null {
    if (step === 0 && !title.trim()) return t('wizard.titleRequired');
    if (step >= 2) {
      for (const [key, d] of Object.entries(decisions)) {
        if (d.value !== 'applicable' && !d.reason.trim()) return t('wizard.reasonRequired', { name: key });
      }
    }
    return null;
  }

  function go(delta: number) {
    const problem = delta > 0 ? validate() : null;
    setError(problem ? new Error(problem) : undefined);
    if (problem) return;
    setStep((s) => s + delta);
    window.setTimeout(() => document.getElementById('wizard-step')?.focus(), 0);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (step < STEPS.length - 1) return go(1);
    const problem = validate();
    if (problem || !chosen) return setError(new Error(problem ?? t('wizard.noModels')));
    setError(undefined);
    try {
      setProgress(t('wizard.creating'));
      const cleanScope = Object.fromEntries(
        Object.entries(scope as Record<string, string | undefined>).filter(([, v]) => v?.trim()),
      );
      let record: AssessmentRecord = await api.createAssessment(orgId, {
        title: title.trim(),
        model: { id: chosen.id, version: chosen.version },
        mode,
        type,
        ...(Object.keys(cleanScope).length > 0 ? { scope: cleanScope } : {}),
      });
      const changes = Object.entries(decisions).filter(([, d]) => d.value !== 'applicable');
      let version = record.version;
      for (const [i, [key, d]] of changes.entries()) {
        setProgress(t('wizard.applying', { done: i + 1, total: changes.length }));
        const result = await api.saveAnswer(
          record.id,
          version,
          { target: d.target, key, field: 'applicability', value: d.value, reason: d.reason.trim() },
          crypto.randomUUID(),
        );
        version = result.version;
      }
      record = { ...record, version };
      navigate({ page: 'answer', assessmentId: record.id });
    } catch (e) {
      setProgress(null);
      setError(e);
    }
  }

  const stepName = t(STEPS[step] ?? 'wizard.stepBasics');
  return (
    <>
      <h1 tabIndex={-1}>{t('wizard.title')}</h1>
      <ol className="steps" aria-label={t('wizard.steps')}>
        {STEPS.map((key, i) => (
          <li key={key} aria-current={i === step ? 'step' : undefined}>
            {t(key)}
          </li>
        ))}
      </ol>
      <form onSubmit={(e) => void create(e)} className="stack" noValidate>
        <h2 id="wizard-step" tabIndex={-1}>
          {t('wizard.step', { n: step + 1, total: STEPS.length, name: stepName })}
        </h2>
        <ErrorAlert error={error ?? models.error} />
        {step === 0 && (
          <>
            <label className="field">
              {t('wizard.assessmentTitle')}
              <input required value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label className="field">
              {t('wizard.model')}
              <select
                value={chosen ? `${chosen.id}@${chosen.version}` : ''}
                onChange={(e) => setModelKey(e.target.value)}
              >
                {refs.map((m) => (
                  <option key={`${m.id}@${m.version}`} value={`${m.id}@${m.version}`}>
                    {m.id} {m.version}
                  </option>
                ))}
              </select>
            </label>
            <ChoiceRadios
              legend="wizard.mode"
              name="mode"
              values={MODES}
              value={mode}
              prefix="mode"
              onChange={setMode}
            />
            <ChoiceRadios
              legend="wizard.type"
              name="type"
              values={TYPES}
              value={type}
              prefix="type"
              onChange={setType}
            />
          </>
        )}
        {step === 1 && <ScopeFields scope={scope} onChange={setScope} />}
        {step === 2 && model.data && (
          <ApplicabilityMatrix
            model={model.data}
            mode={mode}
            decisions={decisions}
            onChange={(key, d) => setDecisions((all) => ({ ...all, [key]: d }))}
          />
        )}
        {step === 2 && model.loading && <p>{t('app.loading')}</p>}
        {step === 3 && (
          <dl>
            <dt>{t('wizard.assessmentTitle')}</dt>
            <dd>{title}</dd>
            <dt>{t('wizard.model')}</dt>
            <dd>{chosen ? `${chosen.id} ${chosen.version}` : ''}</dd>
            <dt>{t('wizard.mode')}</dt>
            <dd>{t(`mode.${mode}`)}</dd>
            <dt>{t('wizard.type')}</dt>
            <dd>{t(`type.${type}`)}</dd>
          </dl>
        )}
        {progress && <p role="status">{progress}</p>}
        <div className="row">
          {step > 0 && (
            <button type="button" onClick={() => go(-1)}>
              {t('wizard.back')}
            </button>
          )}
          {step < STEPS.length - 1 ? (
            <button key="next" type="button" className="primary" onClick={() => go(1)}>
              {t('wizard.next')}
            </button>
          ) : (
            <button
              key="create"
              type="submit"
              className="primary"
              // Until the model list has loaded there is nothing to create the assessment on.
              disabled={progress !== null || !chosen || model.loading}
            >
              {t('wizard.create')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
