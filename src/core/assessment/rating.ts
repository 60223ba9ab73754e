import type { Rating } from './assessment.types.js';

/** True for the whole numbers 0..5 (0 = not assessed). */
export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5;
}

/** The one wording used for a bad level everywhere, in our format and the official one. */
export function ratingProblem(value: unknown): string {
  return `level must be a whole number from 0 to 5 (got ${describeValue(value)})`;
}

/** A short rendering of a user-supplied value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : typeof value;
}
