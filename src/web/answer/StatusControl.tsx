import { useState } from 'react';
import type { AssessmentRecord } from '../api/types.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useT } from '../i18n/useT.js';

type Status = AssessmentRecord['status'];
const STATUSES: Status[] = ['draft', 'in-review', 'final'];

/** Draft → in review → final (final is read-only on the server). */
export function StatusControl({
  status,
  canMoveTo,
  onChange,
}: {
  status: Status;
  /** The role decides which moves are offered; the current status is always shown. */
  canMoveTo: (from: Status, to: Status) => boolean;
  onChange: (s: Status) => Promise<void>;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>(undefined);
  return (
    <div>
      <label className="inline-field">
        {t('answer.status')}
        <select
          value={status}
          disabled={STATUSES.every((s) => s === status || !canMoveTo(status, s))}
          onChange={(e) => {
            setError(undefined);
            onChange(e.target.value as Status).catch(setError);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s} disabled={!canMoveTo(status, s)}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {error !== undefined && <ErrorAlert error={error} />}
    </div>
  );
}
