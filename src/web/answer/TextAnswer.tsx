import { useState } from 'react';

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
  return (
    <label className="field">
      {label}
      <textarea
        value={text}
        disabled={disabled}
        maxLength={50000}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text !== value) onSave(text);
        }}
      />
    </label>
  );
}
