/**
 * A labelled password input. `autoComplete` tells password managers which one it is: the
 * current password (sign-in, confirmations) or a new one (so they offer to generate and save).
 */
export function PasswordField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  name?: string;
  minLength?: number;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        type="password"
        required
        autoComplete={props.autoComplete}
        {...(props.name === undefined ? {} : { name: props.name })}
        {...(props.minLength === undefined ? {} : { minLength: props.minLength })}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
