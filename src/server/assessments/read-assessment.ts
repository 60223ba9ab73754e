import { PkimmError } from '../../core/errors.js';
import { deleteAssessment as deleteRecord } from '../../persistence/repositories/assessments/assessments.js';
import { listRevisions, type RevisionRecord } from '../../persistence/repositories/assessments/revisions.js';
import type { Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import type { ServiceDeps } from './deps.js';
import { etagOf } from './etag.js';
import type { ServiceResponse } from './idempotency.js';
import { assertNotFinal, openAssessment, READ_ONLY_MESSAGE } from './open-assessment.js';

export async function getAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<ServiceResponse<AssessmentView>> {
  const { record, assessment } = await openAssessment(deps, principal, id, 'read');
  return { status: 200, etag: etagOf(record.version), body: assessmentView(record, assessment) };
}

/** Deletes a draft or in-review assessment with everything attached to it; a final one stays. */
export async function deleteAssessment(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<void> {
  const opened = await openAssessment(deps, principal, id, 'finalise');
  assertNotFinal(opened);
  // The DELETE re-checks the status, so one finalised since the read above survives.
  if (!(await deleteRecord(deps.database.db, id))) {
    throw new PkimmError('READ_ONLY', READ_ONLY_MESSAGE);
  }
}

export async function getRevisions(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<RevisionRecord[]> {
  await openAssessment(deps, principal, id, 'read');
  return listRevisions(deps.database.db, id);
}
