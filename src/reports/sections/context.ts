import { indexModel, type ModelIndex } from '../../core/model/model-index.js';
import { Formatter } from '../format.js';
import { messagesFor, type Messages } from '../messages/index.js';
import type { ReportInput } from '../report-input.js';

/** What every section needs: the input, the words of its language and fast model lookups. */
export interface SectionContext {
  input: ReportInput;
  m: Messages;
  f: Formatter;
  index: ModelIndex;
}

export function sectionContext(input: ReportInput): SectionContext {
  const m = messagesFor(input.language);
  return { input, m, f: new Formatter(m), index: indexModel(input.model) };
}

/** Text that may be missing or blank, as one value for a cell. */
export function text(value: string | undefined): string {
  return value === undefined ? '' : value.trim();
}
