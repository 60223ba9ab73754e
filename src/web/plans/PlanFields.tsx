import type { PlanFormValues } from './plan-form.js';
import { useT } from '../i18n/useT.js';

const LEVELS = [1, 2, 3, 4, 5];

/** The methodology's plan fields as labelled inputs; `idPrefix` keeps ids unique per plan. */
export function PlanFields({
  idPrefix,
  values,
  levelName,
  disabled,
  onChange,
}: {
  idPrefix: string;
  values: PlanFormValues;
  levelName: (n: number) => string;
  disabled: boolean;
  onChange: (values: PlanFormValues) => void;
}) {
  const t = useT();
  const field = (key: keyof PlanFormValues) => ({
    id: `${idPrefix}-${key}`,
    value: values[key],
    disabled,
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value }),
  });
  const text = (key: keyof PlanFormValues, label: string) => (
    <p className="plan-field">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      <input type="text" {...field(key)} />
    </p>
  );
  const area = (key: keyof PlanFormValues, label: string) => (
    <p className="plan-field">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      <textarea rows={3} {...field(key)} />
    </p>
  );
  return (
    <div className="plan-fields">
      {text('title', t('plans.title'))}
      <p className="plan-field">
        <label htmlFor={`${idPrefix}-targetLevel`}>{t('plans.targetLevel')}</label>
        <select {...field('targetLevel')}>
          <option value="">{t('plans.noTarget')}</option>
          {LEVELS.map((n) => (
            <option key={n} value={String(n)}>
              {`${n} ${levelName(n)}`.trim()}
            </option>
          ))}
        </select>
      </p>
      {area('objectives', t('plans.objectives'))}
      {text('responsible', t('plans.responsible'))}
      <p className="plan-field">
        <label htmlFor={`${idPrefix}-start`}>{t('plans.start')}</label>
        <input type="date" {...field('start')} />
      </p>
      <p className="plan-field">
        <label htmlFor={`${idPrefix}-due`}>{t('plans.due')}</label>
        <input type="date" {...field('due')} />
      </p>
      {text('resources', t('plans.resources'))}
      {text('dependencies', t('plans.dependencies'))}
      {area('outputs', t('plans.outputs'))}
      {area('comments', t('plans.comments'))}
    </div>
  );
}
