/**
 * Reading values out of workbook cells: text, labels, levels, and the small rules for how an
 * empty cell relates to what the hidden copy of the document held.
 */
import type { Applicability, Assessment, Rating } from '../../core/assessment/assessment.types.js';
import { isPlainObject } from '../../core/assessment/compact.js';
import { describeValue } from '../../core/assessment/rating.js';
import { NOT_APPLICABLE_RATING } from './layout.js';
import type { CellValue } from './spreadsheet-port.js';

/** A cell as text: trimmed, empty as undefined, numbers written out. */
export function text(value: CellValue): string | undefined {
  if (value === null) return undefined;
  const out = String(value);
  return out.trim() === '' ? undefined : out;
}

/** Matches a label, our id or a loose spelling (`N/A`, `partial`), case-insensitively. */
export function fromLabel<T extends string>(
  labels: Record<T, string>,
  value: string,
  aliases: Record<string, T> = {},
) {
  const wanted = value.trim().toLowerCase();
  for (const [id, label] of Object.entries(labels) as [T, string][]) {
    if (wanted === id.toLowerCase() || wanted === label.toLowerCase()) return id;
  }
  return aliases[wanted];
}

export type Rated = { level: Rating } | 'n/a';

export type Entry = {
  level: Rating;
  applicability: Applicability;
  reason?: string;
  notes?: string;
  evidence?: string;
} & Record<string, unknown>;

export function parseRating(value: CellValue): Rated | { problem: string } {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { level: 0 };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5)
    return { level: value as Rating };
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (/^(n\/?a|not applicable)$/i.test(trimmed) || trimmed === NOT_APPLICABLE_RATING) return 'n/a';
    // "3" or "3 Advanced" as typed or picked from a longer list.
    const match = /^([0-5])(\s.*)?$/.exec(trimmed);
    if (match) return { level: Number(match[1]) as Rating };
  }
  return { problem: `the maturity level must be 1 to 5, N/A or empty (got ${describeValue(value)})` };
}

export function withoutScope<T extends { level: Rating; applicability?: Applicability; reason?: string }>(
  entry: T,
): Omit<T, 'applicability' | 'reason'> {
  const { applicability: _a, reason: _r, ...rest } = entry;
  return rest;
}

/** An empty cell clears a field, except one that held only blanks (which a cell cannot show). */
export function isBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim() === '';
}

export function setText(entry: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value === undefined && isBlank(entry[key])) return;
  if (value === undefined) delete entry[key];
  else entry[key] = value;
}

export function setField(
  a: Assessment,
  group: 'assessor' | 'dates' | 'scope',
  key: string,
  value: string | undefined,
) {
  const current: Record<string, unknown> = { ...(a[group] ?? {}) };
  if (value === undefined && isBlank(current[key])) return;
  if (value === undefined) delete current[key];
  else current[key] = value;
  if (Object.keys(current).length === 0) delete a[group];
  // The keys come from OVERVIEW_FIELDS, so the object keeps the group's shape.
  else (a as unknown as Record<string, unknown>)[group] = current;
}

export function isDefault(entry: Entry): boolean {
  return Object.entries(entry).every(
    ([key, value]) =>
      (key === 'level' && value === 0) ||
      (key === 'applicability' && value === 'applicable') ||
      value === undefined ||
      (isPlainObject(value) && Object.keys(value).length === 0),
  );
}
