import { capabilityForStatus as coreCapabilityForStatus } from '../../core/access/capabilities.js';
import type { AssessmentStatus } from '../../persistence/repositories/assessments/assessment-record.js';
import { requireCapability } from '../auth/access.js';
import type { Capability, Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import { commitAndReply } from './commit-change.js';
import type { ServiceDeps } from './deps.js';
import { etagOf } from './etag.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from './idempotency.js';
import { assertVersion, openAssessment } from './open-assessment.js';

export interface ChangeStatusInput {
  assessmentId: string;
  expectedVersion: number;
  status: AssessmentStatus;
  idempotency?: IdempotencyRequest | undefined;
}

/** Making final, and reopening a final one, needs `finalise`: a final assessment is a signed-off result. */
export const capabilityForStatus: (from: AssessmentStatus, to: AssessmentStatus) => Capability =
  coreCapabilityForStatus;

/**
 * Changes the status as a revision of its own (the document stays as it is). Asking for the
 * status it already has changes nothing and answers with the current state.
 */
export async function changeStatus(
  deps: ServiceDeps,
  principal: Principal | null,
  input: ChangeStatusInput,
): Promise<ServiceResponse<AssessmentView>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openAssessment(deps, principal, input.assessmentId, 'read');
    const { record, assessment } = opened;
    // The capability depends on the current status, so it is checked once that is known.
    requireCapability(opened.principal, opened.role, capabilityForStatus(record.status, input.status));
    assertVersion(opened, input.expectedVersion);
    if (record.status === input.status) {
      return { status: 200, etag: etagOf(record.version), body: assessmentView(record, assessment) };
    }
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    const body = assessmentView({ ...record, status: input.status, version, updatedAt: at }, assessment);
    return commitAndReply(deps, keep, body, {
      assessmentId: record.id,
      expectedVersion: input.expectedVersion,
      actor: opened.principal.userId,
      at,
      kind: 'status',
      change: { path: ['status'], before: record.status, after: input.status },
      nextDocument: record.document,
      nextColumns: { status: input.status },
    });
  });
}
