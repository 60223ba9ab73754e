import { indexModel } from '../../../core/model/model-index.js';
import type { WorkflowAction } from '../../../core/assurance/workflow/permissions.js';
import { PkimmError } from '../../../core/errors.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import { lockUnlessFinal } from '../../../persistence/repositories/workflow-lock.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import {
  assertNotFinal,
  openAssessment,
  READ_ONLY_MESSAGE,
  type OpenedAssessment,
} from '../../assessments/open-assessment.js';
import { assertWorkflowAllows } from './rate-guard.js';

/**
 * Opens an assessment for a workflow step: readable by the caller (404 otherwise), not final
 * (409), the step allowed by the participant rules (403), and for an API token the write scope.
 */
export async function openForStep(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  action: WorkflowAction,
): Promise<OpenedAssessment> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  assertNotFinal(opened);
  await assertWorkflowAllows(
    deps.database.db,
    { assessmentId, orgId: opened.record.orgId, userId: opened.principal.userId },
    action,
  );
  requireWriteScope(opened.principal);
  return opened;
}

/** Workflow writes are writes: a read-only API token may not make them. */
export function requireWriteScope(principal: Principal): void {
  if (principal.token && !principal.token.scopes.includes('assessments:write')) {
    throw new PkimmError('FORBIDDEN', 'this API token lacks the assessments:write scope');
  }
}

/**
 * Runs a workflow write and its log entry in one transaction, after taking the assessment's
 * row lock with a status check, so nothing is written once it is final.
 */
export async function writeStep<T>(
  deps: ServiceDeps,
  opened: OpenedAssessment,
  entry: { event: string; detail: Record<string, unknown>; at: string },
  write: (trx: Parameters<typeof appendLog>[0]) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction().execute(async (trx) => {
    if (!(await lockUnlessFinal(trx, opened.record.id))) throw new PkimmError('READ_ONLY', READ_ONLY_MESSAGE);
    const result = await write(trx);
    await appendLog(trx, {
      assessmentId: opened.record.id,
      orgId: opened.record.orgId,
      at: entry.at,
      actor: opened.principal.userId,
      event: entry.event,
      detail: entry.detail,
    });
    return result;
  });
}

/** 404 for a key that is not a requirement of the assessment's model. */
export function assertRequirementKey(opened: OpenedAssessment, key: string): void {
  if (!indexModel(opened.model).requirementByKey.has(key)) {
    throw new PkimmError('NOT_FOUND', `no requirement ${key} in ${opened.model.id} ${opened.model.version}`);
  }
}
