/**
 * The shapes of the assurance workflow (docs/assurance.md#workflow): who takes part in an
 * assessment in which role, and the evidence review status of a requirement.
 */
export type ParticipantRole = 'respondent' | 'assessor' | 'reviewer' | 'approver';
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = [
  'respondent',
  'assessor',
  'reviewer',
  'approver',
];

export type ReviewStatus =
  | 'not-provided'
  | 'provided-not-reviewed'
  | 'reviewed-supports'
  | 'reviewed-inconclusive'
  | 'reviewed-does-not-support';
export const REVIEW_STATUSES: readonly ReviewStatus[] = [
  'not-provided',
  'provided-not-reviewed',
  'reviewed-supports',
  'reviewed-inconclusive',
  'reviewed-does-not-support',
];

/** What a requirement without a stored review counts as. */
export const DEFAULT_REVIEW_STATUS: ReviewStatus = 'not-provided';

export type QuestionStatus = 'open' | 'answered';
