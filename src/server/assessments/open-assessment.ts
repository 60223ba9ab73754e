import { PkimmError } from '../../core/errors.js';
import { toAssessmentRecord } from '../../persistence/repositories/assessments/assessment-record.js';
import type { Role } from '../../persistence/schema.js';
import { assessmentAccess } from '../auth/access.js';
import { assertWorkflowAllows } from '../assurance/workflow/rate-guard.js';
import type { Capability, Principal } from '../auth/principal.js';
import type { ServiceDeps } from './deps.js';
import { loadAssessment, type LoadedAssessment } from './loaded-assessment.js';
import { StaleVersionError } from './stale-version.js';

export interface OpenedAssessment extends LoadedAssessment {
  role: Role;
  principal: Principal;
}

/** Loads an assessment the principal may act on with `capability`; 404 when it is not theirs. */
export async function openAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  capability: Capability,
): Promise<OpenedAssessment> {
  const { assessment, role } = await assessmentAccess(deps.database.db, principal, id, capability);
  // assessmentAccess has already rejected anonymous requests.
  const user = principal as Principal;
  // Once an assessment uses the assurance workflow, its participant rules narrow who may rate.
  if (capability === 'rate') {
    const target = { assessmentId: assessment.id, orgId: assessment.org_id, userId: user.userId };
    await assertWorkflowAllows(deps.database.db, target, 'rate');
  }
  return { ...(await loadAssessment(deps, toAssessmentRecord(assessment))), role, principal: user };
}

export const READ_ONLY_MESSAGE = 'assessment is final';

export function assertNotFinal(opened: LoadedAssessment): void {
  if (opened.record.status === 'final') throw new PkimmError('READ_ONLY', READ_ONLY_MESSAGE);
}

/**
 * Opens an assessment for a versioned write: the caller may do it, the assessment is not
 * final, and `expectedVersion` is current.
 * The version is checked again by the UPDATE itself; this early check answers sooner.
 */
export async function openForWrite(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  capability: Capability,
  expectedVersion: number,
): Promise<OpenedAssessment> {
  const opened = await openAssessment(deps, principal, id, capability);
  assertNotFinal(opened);
  assertVersion(opened, expectedVersion);
  return opened;
}

/** Fails with the current state when the client's version is not the stored one. */
export function assertVersion(opened: LoadedAssessment, expectedVersion: number): void {
  const { record } = opened;
  if (record.version !== expectedVersion) {
    throw new StaleVersionError(expectedVersion, {
      version: record.version,
      status: record.status,
      document: record.document,
    });
  }
}
