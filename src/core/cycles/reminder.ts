import { addMonths, dayOf } from './dates.js';

/** How far a re-assessment reminder is: later, within the notice window, or past. */
export type ReminderState = 'upcoming' | 'due' | 'overdue';

/** Re-assessment is yearly unless the assessment says otherwise. */
export const DEFAULT_REMINDER_MONTHS = 12;

/** Days before the reminder date from which it shows as due, so there is time to plan. */
export const DUE_NOTICE_DAYS = 30;

/** The default reminder day: one year after the day the assessment was made final. */
export function defaultReminder(finalisedAt: string): string {
  return dayOf(addMonths(new Date(finalisedAt), DEFAULT_REMINDER_MONTHS));
}

/**
 * Overdue once the reminder day has passed (the day itself is still due), due within
 * DUE_NOTICE_DAYS before it, upcoming otherwise.
 */
export function reminderState(reminderDay: string, now: Date): ReminderState {
  const today = dayOf(now);
  if (today > reminderDay) return 'overdue';
  const notice = new Date(`${reminderDay}T00:00:00Z`);
  notice.setUTCDate(notice.getUTCDate() - DUE_NOTICE_DAYS);
  return today >= dayOf(notice) ? 'due' : 'upcoming';
}
