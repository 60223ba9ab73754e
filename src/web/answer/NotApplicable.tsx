import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT.js';

/** N/A with a required reason: a button that opens a small form, or the reason and an undo when N/A. */
export function NotApplicable({
  reason,
  isNotApplicable,
  askOpen,
  disabled,
  onAsk,
  onMark,
  onUndo,
}: {
  reason: string | undefined;
  isNotApplicable: boolean;
  askOpen: boolean;
  disabled: boolean;
  onAsk: (open: boolean) => void;
  onMark: (reason: string) => void;
  onUndo: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(reason ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (askOpen) input.current?.focus();
  }, [askOpen]);

  if (isNotApplicable)
    return (
      <div className="row">
        <p>{t('answer.naShown', { reason: reason ?? '' })}</p>
        <button type="button" disabled={disabled} onClick={onUndo}>
          {t('answer.naUndo')}
        </button>
      </div>
    );
  if (!askOpen)
    return (
      <button type="button" disabled={disabled} onClick={() => onAsk(true)}>
        {t('answer.na')}
      </button>
    );
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onMark(text.trim());
      }}
    >
      <label className="field">
        {t('answer.naReason')}
        <textarea ref={input} required value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t('answer.naSave')}
        </button>
        <button type="button" onClick={() => onAsk(false)}>
          {t('answer.naCancel')}
        </button>
      </div>
    </form>
  );
}
