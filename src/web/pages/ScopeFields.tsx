import type { AssessmentScope } from '../../core/assessment/assessment.types.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/useT.js';

export type ScopeState = AssessmentScope;

// The official tool calls the last four the PKI environment; they are grouped under that name.
const ENVIRONMENT: [keyof AssessmentScope, MessageKey][] = [
  ['components', 'wizard.components'],
  ['outOfScope', 'wizard.outOfScope'],
  ['highLevelDesign', 'wizard.highLevelDesign'],
  ['pointsOfInteraction', 'wizard.pointsOfInteraction'],
];

export function ScopeFields({
  scope,
  onChange,
}: {
  scope: ScopeState;
  onChange: (scope: ScopeState) => void;
}) {
  const t = useT();
  const field = (name: keyof AssessmentScope, label: MessageKey) => (
    <label key={name} className="field">
      {t(label)}
      <textarea
        maxLength={20000}
        value={scope[name] ?? ''}
        onChange={(e) => onChange({ ...scope, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <>
      {field('description', 'wizard.scopeDescription')}
      <fieldset className="stack">
        <legend>{t('wizard.environment')}</legend>
        {ENVIRONMENT.map(([name, label]) => field(name, label))}
      </fieldset>
    </>
  );
}
