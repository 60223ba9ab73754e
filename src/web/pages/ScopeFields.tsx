import type { AssessmentScope } from '../../core/assessment/assessment.types.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/useT.js';

export type ScopeState = AssessmentScope;

const FIELDS: [keyof AssessmentScope, MessageKey][] = [
  ['description', 'wizard.scopeDescription'],
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
  return (
    <>
      {FIELDS.map(([field, label]) => (
        <label key={field} className="field">
          {t(label)}
          <textarea
            maxLength={20000}
            value={scope[field] ?? ''}
            onChange={(e) => onChange({ ...scope, [field]: e.target.value })}
          />
        </label>
      ))}
    </>
  );
}
