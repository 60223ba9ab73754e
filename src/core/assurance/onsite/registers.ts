/**
 * The on-site registers of an assessment: who was spoken to, which documents were looked at,
 * and which interviews were held. Texts are kept exactly as given and never interpreted; the
 * limits only keep one entry bounded.
 */
export const REGISTER_LIMITS = {
  shortText: 200,
  title: 500,
  version: 100,
  locator: 2_000,
  notes: 20_000,
  requirements: 200,
  interviewees: 100,
} as const;

export interface ContactFields {
  name: string;
  role: string;
  team: string;
  requirements: string[];
}

export interface ArtifactFields {
  title: string;
  owner: string;
  version: string;
  /** YYYY-MM-DD, or null when the document carries no date. */
  date: string | null;
  /** Where to find it (a URL, a path, a shelf mark); stored as text, never followed. */
  locator: string;
  requirements: string[];
}

export interface InterviewFields {
  /** YYYY-MM-DD. */
  date: string;
  /** Contact ids of the same assessment. */
  interviewees: string[];
  requirements: string[];
  notes: string;
}

/** Requirement keys or ids once each, in the order first given. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The interviewees that are not contacts of the assessment, with their position in the request. */
export function unknownInterviewees(
  interviewees: readonly string[],
  contactIds: ReadonlySet<string>,
): { index: number; id: string }[] {
  return interviewees.flatMap((id, index) => (contactIds.has(id) ? [] : [{ index, id }]));
}

/** True for a real calendar day written as YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}
