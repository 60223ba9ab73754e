import { useT } from '../i18n/useT.js';
import { OPTION_LIST, type ProfileField, type ProfileOption, type ProfileOptions } from './benchmark-api.js';

/**
 * One labelled select for a profile field. `empty` is the first entry: "Choose…" when a value is
 * required (contributing), "Any" when the field may stay open (comparing).
 */
export function ProfileSelect({
  field,
  options,
  value,
  empty,
  idPrefix,
  onChange,
}: {
  field: ProfileField;
  options: ProfileOptions;
  value: string;
  empty: 'choose' | 'any';
  idPrefix: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const id = `${idPrefix}-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`benchmark.field.${field}`)}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t(empty === 'any' ? 'benchmark.any' : 'benchmark.choose')}</option>
        {options[OPTION_LIST[field]].map((option) => (
          <option key={option.code} value={option.code}>
            {optionText(field, option)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The readable name of a profile code, for tables and the suggestion button. */
export function profileLabel(options: ProfileOptions, field: ProfileField, code: string): string {
  const option = options[OPTION_LIST[field]].find((o) => o.code === code);
  return option ? optionText(field, option) : code;
}

/** ISIC sections are known by their letter, so it goes first; other codes are only identifiers. */
function optionText(field: ProfileField, option: ProfileOption): string {
  return field === 'industry' ? `${option.code} – ${option.name}` : option.name;
}
