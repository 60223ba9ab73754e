/** Checks the user's choice of report type, format and language, naming the allowed values. */
import { PkimmError } from '../core/errors.js';
import {
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_TYPES,
  type ReportFormat,
  type ReportLanguage,
  type ReportType,
} from './report-input.js';

function oneOf<T extends string>(what: string, allowed: readonly T[], value: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new PkimmError('USAGE', `${what} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export const parseReportType = (value: string): ReportType => oneOf('report type', REPORT_TYPES, value);
export const parseReportFormat = (value: string): ReportFormat => oneOf('--format', REPORT_FORMATS, value);
export const parseReportLanguage = (value: string): ReportLanguage => oneOf('--lang', REPORT_LANGUAGES, value);
