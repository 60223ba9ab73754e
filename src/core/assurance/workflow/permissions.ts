import { roleCan, type Capability, type Role } from '../../access/capabilities.js';
import type { ParticipantRole } from './workflow.types.js';

/** The workflow steps whose permission depends on the participants of an assessment. */
export type WorkflowAction = 'rate' | 'review' | 'ask' | 'answer' | 'respondent-rating' | 'consensus';

/** Who is acting, as far as the rules need to know. */
export interface WorkflowActor {
  /** The role through a membership of the assessment's organisation; null for an invited account. */
  orgRole: Role | null;
  /** The role of an invitation to this one assessment (used when there is no membership). */
  grantRole: Role | null;
  /** The actor's own participant roles in this assessment. */
  participantRoles: readonly ParticipantRole[];
  /** True once the actor has stated independence and qualification for this assessment. */
  stated: boolean;
  /** True when the assessment has at least one participant. */
  usesWorkflow: boolean;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

/** Without participants the organisation's roles decide, as everywhere else in pkimm. */
const ORG_CAPABILITY: Record<WorkflowAction, Capability> = {
  rate: 'rate',
  review: 'rate',
  ask: 'rate',
  consensus: 'rate',
  answer: 'annotate',
  'respondent-rating': 'annotate',
};

/** With participants, each step belongs to these participant roles. */
const PARTICIPANTS_FOR: Record<WorkflowAction, readonly ParticipantRole[]> = {
  rate: ['assessor'],
  review: ['assessor', 'reviewer'],
  ask: ['assessor', 'reviewer'],
  consensus: ['assessor'],
  answer: ['respondent'],
  'respondent-rating': ['respondent'],
};

/** The org capability a participant role needs at all, checked when they are added and when they act. */
export const CAPABILITY_OF_PARTICIPANT: Record<ParticipantRole, Capability> = {
  respondent: 'annotate',
  assessor: 'rate',
  reviewer: 'read',
  approver: 'read',
};

/** Steps that judge the answers: an invited (external) account must first state its independence. */
const JUDGING: ReadonlySet<WorkflowAction> = new Set(['rate', 'review', 'ask', 'consensus']);

const WORDS: Record<WorkflowAction, string> = {
  rate: 'rate this assessment',
  review: 'review evidence',
  ask: 'send requirements back with a question',
  consensus: 'record a consensus rating',
  answer: 'answer questions',
  'respondent-rating': 'give a respondent rating',
};

export const STATEMENT_REQUIRED =
  'state your independence and qualification first (POST /api/v1/assessments/:id/participants/me/statement)';

/**
 * Whether `actor` may take `action`. Participant roles only add constraints: the org or grant
 * role must allow the step too. One exception keeps ordinary members working: an org member
 * who is no participant at all may still rate, as before the assessment used the workflow.
 */
export function workflowDecision(action: WorkflowAction, actor: WorkflowActor): Decision {
  const role = actor.orgRole ?? actor.grantRole;
  if (role === null) return deny('you have no access to this assessment');
  const external = actor.orgRole === null;
  if (!actor.usesWorkflow) {
    return roleCan(role, ORG_CAPABILITY[action])
      ? { allowed: true }
      : deny(`your role (${role}) may not ${WORDS[action]}`);
  }
  if (action === 'rate' && !external && actor.participantRoles.length === 0) {
    return roleCan(role, 'rate') ? { allowed: true } : deny(`your role (${role}) may not ${WORDS[action]}`);
  }
  const wanted = PARTICIPANTS_FOR[action];
  const held = wanted.filter((r) => actor.participantRoles.includes(r));
  if (held.length === 0) {
    return deny(`only the assessment's ${wanted.join(' or ')} participants may ${WORDS[action]}`);
  }
  if (!held.some((r) => roleCan(role, CAPABILITY_OF_PARTICIPANT[r]))) {
    return deny(`your role (${role}) may not ${WORDS[action]}`);
  }
  if (external && JUDGING.has(action) && !actor.stated) return deny(STATEMENT_REQUIRED);
  return { allowed: true };
}

function deny(reason: string): Decision {
  return { allowed: false, reason };
}
