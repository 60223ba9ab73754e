/**
 * What the signed-in user may do on an assessment once its participants are known. Participant
 * roles never widen what the organisation or invitation role allows, they only narrow it
 * (docs/assurance.md); the core's `workflowDecision` is the rule the server applies, so the page
 * asks the same function instead of keeping a copy of the table.
 */
import { STATEMENT_REQUIRED, workflowDecision } from '../../core/assurance/workflow/permissions.js';
import type { WorkflowAction } from '../../core/assurance/workflow/permissions.js';
import type { ParticipantRole } from '../../core/assurance/workflow/workflow.types.js';
import type { AssessmentRecord, Role } from '../api/types.js';
import type { Permissions } from '../app/permissions.js';

/** The signed-in user's part in an assessment's workflow. */
export interface Participation {
  /** True once the assessment has at least one participant. */
  usesWorkflow: boolean;
  /** The user's own participant roles (empty when they take no part). */
  roles: ParticipantRole[];
  /** True once the user has stated their independence and qualification for this assessment. */
  stated: boolean;
}

/** Before the participants are loaded (or for an assessment without any) the org roles decide. */
export const NO_WORKFLOW: Participation = { usesWorkflow: false, roles: [], stated: false };

export function participationOf(
  participants: readonly { userId: string; role: ParticipantRole; statement: unknown }[],
  userId: string,
): Participation {
  const mine = participants.filter((p) => p.userId === userId);
  return {
    usesWorkflow: participants.length > 0,
    roles: [...new Set(mine.map((p) => p.role))],
    stated: mine.some((p) => p.statement !== null && p.statement !== undefined),
  };
}

/** Who the user is on the assessment, as the server sees it. */
export interface Standing {
  /** Membership of the assessment's organisation; null for an account invited to this one assessment. */
  orgRole: Role | null;
  /** The invitation's role, used when there is no membership. */
  grantRole: Role | null;
  status: AssessmentRecord['status'];
}

/** Why the level controls are off although the role alone would allow rating. */
export type RateBlock = 'participant' | 'statement';

export interface WorkflowPermissions extends Permissions {
  /** Set the evidence review. */
  review: boolean;
  /** Send a requirement back with a question. */
  ask: boolean;
  /** Answer an open question. */
  answer: boolean;
  /** Give one's own respondent rating. */
  respond: boolean;
  /** Record the consensus as the assessment's rating. */
  consensus: boolean;
  rateBlocked: RateBlock | null;
  /** The user's participant roles, for the notice that explains the narrowing. */
  participantRoles: ParticipantRole[];
}

export function narrowForParticipants(
  permissions: Permissions,
  standing: Standing,
  participation: Participation,
): WorkflowPermissions {
  const open = standing.status !== 'final';
  const decide = (action: WorkflowAction) =>
    workflowDecision(action, {
      orgRole: standing.orgRole,
      grantRole: standing.grantRole,
      participantRoles: participation.roles,
      stated: participation.stated,
      usesWorkflow: participation.usesWorkflow,
    });
  const allowed = (action: WorkflowAction) => open && decide(action).allowed;
  const rating = decide('rate');
  const rate = permissions.rate && rating.allowed;
  let rateBlocked: RateBlock | null = null;
  if (permissions.rate && !rating.allowed)
    rateBlocked = rating.reason === STATEMENT_REQUIRED ? 'statement' : 'participant';
  return {
    ...permissions,
    rate,
    review: allowed('review'),
    ask: allowed('ask'),
    answer: allowed('answer'),
    respond: allowed('respondent-rating'),
    consensus: allowed('consensus'),
    rateBlocked,
    participantRoles: participation.roles,
  };
}
