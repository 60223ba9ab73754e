import { useT } from '../i18n/useT.js';
import type { ReminderInfo } from './cycles-api.js';

/** A re-assessment reminder: its day and whether it is due or overdue, in words and not by colour only. */
export function Reminder({ reminder }: { reminder: ReminderInfo | null }) {
  const t = useT();
  if (!reminder) return <>{t('cycles.noReminder')}</>;
  const date = new Date(`${reminder.on}T00:00:00Z`).toLocaleDateString(undefined, { timeZone: 'UTC' });
  return (
    <span className={`reminder reminder-${reminder.state}`} data-state={reminder.state}>
      {reminder.state === 'upcoming' ? (
        t('cycles.reminder.upcoming', { date })
      ) : (
        <strong>{t(`cycles.reminder.${reminder.state}`, { date })}</strong>
      )}
      {reminder.isDefault && <span className="muted"> {t('cycles.reminderDefault')}</span>}
    </span>
  );
}
