import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.js';

/** A modal for a 409: their value, yours, and a choice; it cannot be dismissed without choosing. */
export function ConflictDialog({
  field,
  itemKey,
  theirs,
  yours,
  onChoose,
}: {
  field: string;
  itemKey: string;
  theirs: string;
  yours: string;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const show = (value: string) => (value === '' ? t('conflict.empty') : value);
  return (
    <dialog ref={ref} aria-labelledby="conflict-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.body', { field, key: itemKey })}</p>
      <dl>
        <dt>{t('conflict.theirs')}</dt>
        <dd className="conflict-theirs">{show(theirs)}</dd>
        <dt>{t('conflict.yours')}</dt>
        <dd className="conflict-yours">{show(yours)}</dd>
      </dl>
      <div className="row">
        <button type="button" onClick={() => onChoose('theirs')}>
          {t('conflict.keepTheirs')}
        </button>
        <button type="button" className="primary" onClick={() => onChoose('mine')}>
          {t('conflict.keepYours')}
        </button>
      </div>
    </dialog>
  );
}
