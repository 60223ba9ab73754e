import { stringify } from 'csv-stringify/sync';
import type { CrosswalkView } from '../../core/crosswalk/crosswalk-view.js';
import { formulaSafe } from '../csv/formula-safe.js';

export const CROSSWALK_CSV_HEADER = [
  'framework',
  'framework_version',
  'control',
  'control_title',
  'control_group',
  'status',
  'requirement',
  'requirement_position',
  'requirement_name',
  'relationship',
  'counts',
  'level',
  'meets',
  'source',
  'audit',
  'audit_date',
  'audit_report',
  'rationale',
] as const;

/**
 * One row per control and supporting requirement, in pack order, so a spreadsheet filter on
 * `status` or `meets` gives the gap list. The status rule's threshold is in the file name the
 * caller chooses and in the view; every text cell goes through formulaSafe, and the byte-order
 * mark makes Excel read UTF-8.
 */
export function crosswalkCsv(view: CrosswalkView): string {
  const rows = view.controls.flatMap((control) =>
    control.supports.map((row) =>
      [
        view.pack.framework,
        view.pack.version,
        control.id,
        control.title,
        control.group,
        control.status,
        row.key ?? row.requirement,
        row.position,
        row.name,
        row.relationship,
        row.counts ? 'true' : 'false',
        row.level > 0 ? row.level : '',
        row.meets ? 'true' : 'false',
        row.source,
        row.audit?.audit,
        row.audit?.date,
        row.audit?.reportUrl,
        row.rationale,
      ].map(formulaSafe),
    ),
  );
  return '\ufeff' + stringify([[...CROSSWALK_CSV_HEADER], ...rows], { record_delimiter: '\r\n' });
}
