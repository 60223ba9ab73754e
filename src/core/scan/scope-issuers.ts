import type { AssessmentScope } from '../assessment/assessment.types.js';

/**
 * The CAs an assessment declares in scope: its "components" text, one name per line (or
 * separated by commas or semicolons). A scan counts every other issuer as unknown to the scope.
 */
export function knownIssuersFromScope(scope: AssessmentScope | undefined): string[] {
  const text = scope?.components ?? '';
  return text
    .split(/[\n;,]/)
    .map((part) => part.replace(/^[\s*•-]+/, '').trim())
    .filter((part) => part.length >= 2);
}
