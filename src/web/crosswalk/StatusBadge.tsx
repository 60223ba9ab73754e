import { useT } from '../i18n/useT.js';
import type { ControlStatus } from './crosswalk-api.js';

// A symbol and the word carry the status; the colour only repeats it.
const SYMBOL: Record<ControlStatus, string> = { supported: '✓', 'partly-supported': '◐', gap: '✗' };

export function StatusBadge({ status }: { status: ControlStatus }) {
  const t = useT();
  return (
    <span className={`cw-status cw-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {t(`crosswalk.status.${status}`)}
    </span>
  );
}
