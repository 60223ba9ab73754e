import type { ReportLanguage } from '../report-input.js';
import { de } from './de.js';
import { en, type Messages } from './en.js';

export type { Messages };

const MESSAGES: Record<ReportLanguage, Messages> = { en, de };

export function messagesFor(language: ReportLanguage): Messages {
  return MESSAGES[language];
}
