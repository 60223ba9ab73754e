import { useId, useState } from 'react';

/** A textarea that saves once, on blur, when its text changed. */
export function TextAnswer({
  label,
  value,
  disabled,
  onSave,
}: {
  label: string;
  value: string;
  disabled: boolean;
  onSave: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  // The label is linked by id rather than wrapped around the textarea: a wrapping label would
  // make the typed text part of the field's accessible name.
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        disabled={disabled}
        maxLength={50000}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== value) onSave(text);
        }}
      />
    </div>
  );
}
