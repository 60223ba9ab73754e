import type { Kysely } from 'kysely';
import { workflowDecision, type WorkflowAction } from '../../../core/assurance/workflow/permissions.js';
import { PkimmError } from '../../../core/errors.js';
import { accessRoles, participationOf } from '../../../persistence/repositories/workflow-participants.js';
import type { Database } from '../../../persistence/schema.js';

/**
 * The participant rules of an assessment that uses the workflow, for one step. The org or
 * grant role has been checked already by the caller; this only adds constraints (403).
 */
export async function assertWorkflowAllows(
  db: Kysely<Database>,
  target: { assessmentId: string; orgId: string; userId: string },
  action: WorkflowAction,
): Promise<void> {
  const participation = await participationOf(db, target.assessmentId, target.userId);
  // Most assessments do not use the workflow; their rating path costs one query more, no more.
  if (action === 'rate' && !participation.usesWorkflow) return;
  const roles = await accessRoles(db, target.assessmentId, target.orgId, target.userId);
  const decision = workflowDecision(action, {
    ...roles,
    participantRoles: participation.roles,
    stated: participation.stated,
    usesWorkflow: participation.usesWorkflow,
  });
  if (!decision.allowed) throw new PkimmError('FORBIDDEN', decision.reason);
}
