import { useId, useState } from 'react';
import { passwordStrength } from '../account/password-strength.js';
import { useT } from '../i18n/useT.js';

/**
 * A labelled password input with a button that shows what was typed (the button keeps its name
 * and says its state with aria-pressed). `autoComplete` tells password managers which one it
 * is: the current password (sign-in, confirmations) or a new one (so they offer to generate
 * and save). `meter` adds a strength estimate under a new password, read out as it changes.
 */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  name?: string;
  minLength?: number;
  meter?: boolean;
}) {
  const t = useT();
  const id = useId();
  const [shown, setShown] = useState(false);
  const meterId = `${id}-strength`;
  const meter = props.meter === true;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <span className="password-row">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          required
          autoComplete={props.autoComplete}
          // Shown text is still a password: no spelling checks, no capitalising on phones.
          spellCheck={false}
          autoCapitalize="off"
          {...(props.name === undefined ? {} : { name: props.name })}
          {...(props.minLength === undefined ? {} : { minLength: props.minLength })}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          {...(meter ? { 'aria-describedby': meterId } : {})}
        />
        <button type="button" aria-pressed={shown} aria-controls={id} onClick={() => setShown(!shown)}>
          {t('password.show')}
        </button>
      </span>
      {meter && (
        <p id={meterId} className="password-strength" aria-live="polite">
          {props.value === ''
            ? ''
            : t('password.strength', { level: t(`password.strength.${passwordStrength(props.value)}`) })}
        </p>
      )}
    </div>
  );
}
