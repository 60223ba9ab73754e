import type { PlanEntry } from '../../core/plans/timeline.js';
import { plansCsv } from './plans-csv.js';
import { plansIcs } from './plans-ics.js';

export const PLAN_EXPORT_FORMATS = ['csv', 'ics'] as const;
export type PlanExportFormat = (typeof PLAN_EXPORT_FORMATS)[number];

export interface PlanExport {
  body: string;
  contentType: string;
  /** The file name's ending, after the caller's base name. */
  suffix: string;
}

/** The plans file in one format; `stamp` is the calendar's DTSTAMP, `name` its display name. */
export function exportPlans(
  entries: readonly PlanEntry[],
  format: PlanExportFormat,
  options: { stamp: Date; name: string },
): PlanExport {
  if (format === 'csv')
    return { body: plansCsv(entries), contentType: 'text/csv; charset=utf-8', suffix: '.plans.csv' };
  return {
    body: plansIcs(entries, options.stamp, options.name),
    contentType: 'text/calendar; charset=utf-8',
    suffix: '.plans.ics',
  };
}
