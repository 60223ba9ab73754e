/**
 * Plans as an iCalendar file (RFC 5545): one all-day VEVENT per plan with a due date, on that
 * day. UIDs are derived from the assessment and plan ids, so a calendar that imports the file
 * again updates the events instead of duplicating them. `stamp` (the DTSTAMP, required by the
 * RFC) comes from the caller, as does every other input, so the same input gives the same file.
 */
import { planHeading, type PlanEntry } from '../../core/plans/timeline.js';
import { taskProgress } from '../../core/plans/plan-helpers.js';

const CRLF = '\r\n';

export function plansIcs(entries: readonly PlanEntry[], stamp: Date, calendarName: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//pkimm//action plans//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  const dtstamp = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  for (const entry of entries) {
    const due = entry.plan.schedule?.due;
    if (!due) continue;
    const day = due.replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(entry)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${nextDay(due)}`,
      `SUMMARY:${escapeText(`${planHeading(entry)} (${entry.plan.status})`)}`,
      `DESCRIPTION:${escapeText(descriptionOf(entry))}`,
      `STATUS:${entry.plan.status === 'dropped' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

/** Stable per plan: the same plan keeps its UID across exports. */
export function uidOf(entry: Pick<PlanEntry, 'assessmentId' | 'planId'>): string {
  return `${entry.assessmentId}.${entry.planId}@pkimm`.replace(/[^\w.@-]/g, '_');
}

function descriptionOf(entry: PlanEntry): string {
  const { plan } = entry;
  const progress = taskProgress(plan);
  const parts = [
    `${entry.assessmentTitle}: ${entry.subjectName} (${plan.subject})`,
    plan.responsible ? `Responsible: ${plan.responsible}` : '',
    plan.targetLevel ? `Target level: ${plan.targetLevel}` : '',
    ...(plan.objectives ?? []).map((objective) => `Objective: ${objective}`),
    progress.total > 0 ? `Tasks: ${progress.done}/${progress.total} done` : '',
    plan.comments ?? '',
  ];
  return parts.filter((part) => part !== '').join('\n');
}

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines start with one space. Cuts fall
 * between characters, never inside a UTF-8 sequence.
 */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space counts
    if (size + octets > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}
