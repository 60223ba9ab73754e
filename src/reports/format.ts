/**
 * Turns values into the words of one language: dates, raw levels, level names, the
 * assessor, applicability. Locale formatting comes from Intl, so German gets 3,21 and
 * "14. Oktober 2026".
 */
import type {
  Applicability,
  Assessment,
  AssessmentType,
  AssessorDetails,
} from '../core/assessment/assessment.types.js';
import type { LevelValue } from '../core/scoring/score.types.js';
import type { Messages } from './messages/index.js';

export type TrustLevel = 'low' | 'medium' | 'high';

/** The methodology's trust per method; without a stated type nothing above a self-assessment is claimed. */
export function trustOf(type: AssessmentType | undefined): TrustLevel {
  if (type === 'formal') return 'medium';
  if (type === 'third-party') return 'high';
  return 'low';
}

export class Formatter {
  private readonly dates: Intl.DateTimeFormat;
  private readonly dateTimes: Intl.DateTimeFormat;
  private readonly numbers: Intl.NumberFormat;

  constructor(readonly m: Messages) {
    this.dates = new Intl.DateTimeFormat(m.locale, { dateStyle: 'long', timeZone: 'UTC' });
    this.dateTimes = new Intl.DateTimeFormat(m.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    this.numbers = new Intl.NumberFormat(m.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  /** A calendar date (`2026-10-14`) in words; anything unparseable is shown as given. */
  date(value: string | undefined): string {
    if (value === undefined || value === '') return this.m.value.notStated;
    const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
    return Number.isNaN(parsed.getTime()) ? value : this.dates.format(parsed);
  }

  dateTime(iso: string): string {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : `${this.dateTimes.format(parsed)} UTC`;
  }

  /** Two decimals: enough to see progress, without pretending more precision. */
  number(value: number): string {
    return this.numbers.format(value);
  }

  /** "Level 3 – Advanced", or why there is none. */
  level(value: Pick<LevelValue, 'level' | 'levelName'>, missing = this.m.value.noLevel): string {
    return value.level === null ? missing : this.m.level(value.level, value.levelName ?? String(value.level));
  }

  raw(value: Pick<LevelValue, 'raw'>): string {
    return value.raw === null ? '–' : this.number(value.raw);
  }

  /** The date a report is about: when the assessment finished, else when it started. */
  assessmentDate(assessment: Assessment): string {
    return this.date(assessment.dates?.finish ?? assessment.dates?.start);
  }

  period(assessment: Assessment): string {
    const start = assessment.dates?.start;
    const end = assessment.dates?.finish ?? assessment.dates?.target;
    if (start && end) return this.m.periodFromTo(this.date(start), this.date(end));
    if (start) return this.m.periodFrom(this.date(start));
    return end ? this.date(end) : this.m.value.notStated;
  }

  assessor(assessor: AssessorDetails | undefined): string {
    if (!assessor) return this.m.value.notStated;
    const who = [assessor.name, assessor.company].filter((part) => part && part.trim() !== '').join(', ');
    const position =
      assessor.position === undefined
        ? undefined
        : assessor.position === 'internal'
          ? this.m.value.internal
          : this.m.value.external;
    if (who === '') return position ?? this.m.value.notStated;
    return position ? `${who} (${position})` : who;
  }

  mode(assessment: Assessment): string {
    return assessment.mode === 'self' ? this.m.value.modeSelf : this.m.value.modeFull;
  }

  type(type: AssessmentType | undefined): string {
    if (type === 'self') return this.m.value.typeSelf;
    if (type === 'formal') return this.m.value.typeFormal;
    if (type === 'third-party') return this.m.value.typeThirdParty;
    return this.m.value.notStated;
  }

  trust(level: TrustLevel): string {
    return level === 'high'
      ? this.m.value.trustHigh
      : level === 'medium'
        ? this.m.value.trustMedium
        : this.m.value.trustLow;
  }

  applicability(value: Applicability): string {
    return value === 'not-applicable'
      ? this.m.value.notApplicable
      : value === 'partial'
        ? this.m.value.partial
        : this.m.value.applicable;
  }

  modelVersion(model: { id: string; version: string }): string {
    return model.id === 'pkimm' ? `PKIMM ${model.version}` : `${model.id} ${model.version}`;
  }
}
