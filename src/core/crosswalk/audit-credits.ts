/**
 * "Already audited": requirements an existing audit answers (an ETSI EN 319 411-1 conformity
 * assessment of a trust service provider, an ISO/IEC 27001 certification audit, …), kept in
 * the assessment document under `audits`, keyed by requirement. They do not change a rating;
 * crosswalk views count such a requirement as meeting its part, and reports list them.
 */
import { z } from 'zod';
import type { PathIssue } from '../assessment/path-issue.js';
import { isPlainObject, setOwn } from '../assessment/compact.js';
import type { ModelIndex } from '../model/model-index.js';

export interface AuditCreditEntry {
  /** What was audited, against what and by whom. */
  audit: string;
  /** The audit report or attestation letter: an http(s) address. */
  reportUrl: string;
  /** YYYY-MM-DD: when the report was issued. */
  date: string;
  /** The crosswalk pack of the audited framework, when there is one. */
  framework?: string;
  note?: string;
}

/** By requirement key of the assessment's model version. */
export type AuditCredits = Record<string, AuditCreditEntry>;

const LIMITS = { audit: 500, reportUrl: 2000, note: 4000 } as const;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Only web addresses: a report link is rendered as a link, so `javascript:` and the like never get in. */
export function isReportUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

const required = (label: string, max: number) =>
  z
    .string({ error: `${label} must be a text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((v) => v.trim().length > 0, { error: `${label} must not be empty` });

export const auditCreditSchema = z.strictObject({
  audit: required('audit', LIMITS.audit),
  reportUrl: required('reportUrl', LIMITS.reportUrl).refine(isReportUrl, {
    error: 'reportUrl must be an http or https address',
  }),
  date: z
    .string({ error: 'date must be a text' })
    .refine(isCalendarDate, { error: 'date must be a calendar date as YYYY-MM-DD' }),
  framework: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,99}$/, { error: 'framework must be a crosswalk pack id' })
    .optional(),
  note: z
    .string()
    .max(LIMITS.note, { error: `note must be at most ${LIMITS.note} characters` })
    .optional(),
});

export const auditCreditsSchema = z.record(z.string().min(1).max(200), auditCreditSchema);

/** Drops an empty block, and empty notes, so files and revisions carry no noise. */
export function normaliseAudits(audits: AuditCredits | undefined): AuditCredits | undefined {
  if (!audits) return undefined;
  const out: AuditCredits = {};
  for (const [key, entry] of Object.entries(audits)) {
    const { note, framework, ...rest } = entry;
    setOwn(out, key, {
      ...rest,
      ...(framework ? { framework } : {}),
      ...(note !== undefined && note.trim() !== '' ? { note } : {}),
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Keys the model lacks, reported at `audits.<key>`. */
export function validateAuditsAgainstModel(audits: unknown, index: ModelIndex, name: string): PathIssue[] {
  if (!isPlainObject(audits)) return [];
  return Object.keys(audits)
    .filter((key) => !index.requirementByKey.has(key))
    .map((key) => ({ path: ['audits', key], message: `no requirement "${key}" in ${name}` }));
}

/** The same credits under another version's keys (migration); those without a successor are dropped. */
export function remapAudits(audits: AuditCredits, to: (key: string) => string | undefined): AuditCredits {
  const out: AuditCredits = {};
  for (const [key, entry] of Object.entries(audits)) {
    const next = to(key);
    if (next !== undefined) setOwn(out, next, entry);
  }
  return out;
}

/** As the list crosswalk views take. */
export function auditList(audits: AuditCredits | undefined) {
  return Object.entries(audits ?? {}).map(([requirement, entry]) => ({ requirement, ...entry }));
}
