import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/useT.js';
import type { AutosaveQueue } from './AutosaveQueue.js';

/** The save state, announced politely: "Saved", "Saving…", "Offline — N changes waiting". */
export function SaveStatusView({ queue }: { queue: AutosaveQueue }) {
  const t = useT();
  const status = useSyncExternalStore(queue.subscribe, queue.getStatus);
  let text: string;
  switch (status.state) {
    case 'saved':
      text = t('save.saved');
      break;
    case 'saving':
    case 'conflict':
      text = t('save.saving');
      break;
    case 'offline':
      text = t('save.offline', { count: status.waiting });
      break;
    case 'error':
      text = t('save.error', { message: status.message ?? '' });
      break;
  }
  return (
    <p role="status" className="save-status" data-state={status.state} aria-live="polite">
      {text}
    </p>
  );
}
