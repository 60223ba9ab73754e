import type { Category } from '../../model/model.types.js';

/**
 * The app's `result` display strings. It uses the 2.x level names for every model version
 * (so "2 - Foundational" even for 1.0.0 data, whose model says "Basic").
 */
const LEVEL_RESULTS = [
  'Not Assessed',
  '1 - Initial',
  '2 - Foundational',
  '3 - Advanced',
  '4 - Managed',
  '5 - Optimized',
];
export const NOT_APPLICABLE_RESULT = 'Not Applicable';

export function resultLabel(level: number, applicable: boolean): string {
  if (!applicable) return NOT_APPLICABLE_RESULT;
  return LEVEL_RESULTS[level] ?? 'Not Assessed';
}

/** The `description` the app copies into a category entry: the chosen level's ladder text, or ''. */
export function levelDescription(category: Category | undefined, level: number, applicable: boolean): string {
  if (!category || !applicable || level === 0) return '';
  return category.levels.find((step) => step.number === level)?.description ?? '';
}
