import type { Translate } from '../i18n/useT.js';
import type { SupportRow } from './crosswalk-api.js';

/** Where a requirement stands, in words: its level (or its category's), not rated, out of scope. */
export function standingText(
  t: Translate,
  row: Pick<SupportRow, 'level' | 'source'> & { levelName?: string | undefined },
): string {
  const values = { level: row.level, name: row.levelName ?? '' };
  switch (row.source) {
    case 'requirement':
      return t('crosswalk.level', values);
    case 'category':
      return t('crosswalk.levelOfCategory', values);
    case 'not-rated':
      return t('crosswalk.notRated');
    case 'not-applicable':
      return t('crosswalk.outOfScope');
    case 'not-in-model':
      return t('crosswalk.notInModel');
  }
}
