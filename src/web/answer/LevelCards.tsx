import type { Rating } from '../../core/assessment/assessment.types.js';
import { useT } from '../i18n/useT.js';

export interface LevelOption {
  number: 1 | 2 | 3 | 4 | 5;
  name: string;
  description: string;
}

/** The five levels as a radio group of cards; each radio is named "Level N Name", described by its text. */
export function LevelCards({
  id,
  label,
  options,
  value,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  options: LevelOption[];
  value: Rating;
  disabled: boolean;
  onChange: (level: Rating) => void;
}) {
  const t = useT();
  return (
    <fieldset className="level-group" disabled={disabled}>
      <legend>{label}</legend>
      <div className="level-cards">
        {options.map((option) => {
          const name = t('answer.level', { n: option.number, name: option.name });
          const descId = `${id}-desc-${option.number}`;
          return (
            <label key={option.number} className="level-card">
              <input
                type="radio"
                name={`${id}-level`}
                value={option.number}
                checked={value === option.number}
                aria-label={name}
                aria-describedby={descId}
                onChange={() => onChange(option.number)}
              />
              <strong aria-hidden="true">{name}</strong>
              <span id={descId}>{option.description}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
