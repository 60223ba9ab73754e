import type { Model } from '../../core/model/model.types.js';
import { ApplicabilityRow, type Decision } from '../components/ApplicabilityRow.js';
import { useT } from '../i18n/useT.js';

export type Decisions = Record<string, Decision>;

const APPLICABLE = { value: 'applicable', reason: '' } as const;

/** Module → category → requirement applicability; requirements are folded per category. */
export function ApplicabilityMatrix({
  model,
  mode,
  decisions,
  onChange,
}: {
  model: Model;
  mode: 'self' | 'full';
  decisions: Decisions;
  onChange: (key: string, decision: Decision) => void;
}) {
  const t = useT();
  const row = (key: string, name: string, target: Decision['target']) => (
    <ApplicabilityRow
      key={key}
      id={`app-${key}`}
      name={name}
      decision={decisions[key] ?? { target, ...APPLICABLE }}
      onChange={(d) => onChange(key, d)}
    />
  );
  return (
    <div>
      <p>{t('wizard.applicabilityHelp')}</p>
      {model.modules.map((module) => (
        <fieldset key={module.id} className="matrix-module">
          <legend>
            {module.id} {module.name}
          </legend>
          {row(module.id, `${module.id} ${module.name}`, 'module')}
          {decisions[module.id]?.value !== 'not-applicable' &&
            module.categories.map((category) => (
              <div key={category.key}>
                {row(category.key, `${category.position} ${category.name}`, 'category')}
                {mode === 'full' && decisions[category.key]?.value !== 'not-applicable' && (
                  <details>
                    <summary>{t('wizard.showRequirements', { name: category.name })}</summary>
                    {category.requirements.map((r) => row(r.key, `${r.position} ${r.name}`, 'requirement'))}
                  </details>
                )}
              </div>
            ))}
        </fieldset>
      ))}
    </div>
  );
}
