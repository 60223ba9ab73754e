import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/useT.js';

/** A fieldset of radios, one per value, each labelled by its message (`{prefix}.{value}`). */
export function ChoiceRadios<V extends string>({
  legend,
  name,
  values,
  value,
  prefix,
  onChange,
}: {
  legend: MessageKey;
  name: string;
  values: readonly V[];
  value: V;
  prefix: string;
  onChange: (value: V) => void;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t(legend)}</legend>
      {values.map((v) => (
        <label key={v} className="inline-field">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          {t(`${prefix}.${v}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}
