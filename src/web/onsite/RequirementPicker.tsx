import { useId, useState } from 'react';
import type { Model } from '../../core/model/model.types.js';
import { useT } from '../i18n/useT.js';
import { matchingRequirements, requirementLabel } from './requirements.js';

/**
 * The requirements an entry informs: a text filter over the model's ~100 requirements and a
 * checkbox each. Chosen ones stay listed whatever the filter, so a choice never disappears
 * from view while someone narrows the list to add another.
 */
export function RequirementPicker({
  model,
  chosen,
  onChange,
}: {
  model: Model;
  chosen: readonly string[];
  onChange: (keys: string[]) => void;
}) {
  const t = useT();
  const id = useId();
  const [filter, setFilter] = useState('');
  const matches = matchingRequirements(model, filter);
  const shown = matchingRequirements(model, '').filter((r) => chosen.includes(r.key) || matches.includes(r));
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen, key] : chosen.filter((k) => k !== key));

  return (
    <fieldset className="onsite-picker">
      <legend>{t('onsite.requirements')}</legend>
      <label className="field" htmlFor={`${id}-filter`}>
        {t('onsite.filterRequirements')}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <p className="muted" aria-live="polite">
        {t('onsite.chosenCount', { count: chosen.length, shown: shown.length })}
      </p>
      <ul className="onsite-choices">
        {shown.map((requirement) => (
          <li key={requirement.key}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(requirement.key)}
                onChange={(event) => toggle(requirement.key, event.target.checked)}
              />{' '}
              {requirementLabel(model, requirement.key)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
