import { randomUUID } from 'node:crypto';
import { nextCycleAssessment } from '../../../core/cycles/next-cycle.js';
import { PkimmError } from '../../../core/errors.js';
import { validateAgainstModel } from '../../../core/assessment/validate-against-model.js';
import { getCycle, insertNextCycle } from '../../../persistence/repositories/cycles.js';
import type { Principal } from '../../auth/principal.js';
import type { AssessmentView } from '../assessment-view.js';
import { newDraft } from '../create-assessment.js';
import type { ServiceDeps } from '../deps.js';
import { assertNoIssues } from '../model-issues.js';
import { openAssessment } from '../open-assessment.js';
import { requireOrgCapability } from '../org-access.js';

export interface NextCycleResult {
  assessment: AssessmentView;
  /** How many evidence items were copied from the previous cycle. */
  evidenceCopied: number;
}

/**
 * Starts the next cycle of a final assessment: a new draft in the same scope with the same
 * model, mode, type, scope description and applicability, no ratings (the previous ones
 * are its baseline), and copies of the previous evidence with their original dates.
 */
export async function startNextCycle(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  title: string | undefined,
): Promise<NextCycleResult> {
  const previous = await openAssessment(deps, principal, assessmentId, 'read');
  const orgId = previous.record.orgId;
  // Creating an assessment is a right in the organisation, not on the one assessment.
  const user = await requireOrgCapability(deps, principal, orgId, 'rate');
  if (previous.record.status !== 'final') {
    throw new PkimmError(
      'CONFLICT',
      `the next cycle starts from a final assessment; this one is ${previous.record.status}`,
      { issues: [{ path: 'status', message: `is ${previous.record.status}, must be final` }] },
    );
  }
  const id = randomUUID();
  const assessment = nextCycleAssessment(previous.assessment, id, title ?? previous.assessment.title);
  assertNoIssues(validateAgainstModel(assessment, previous.model), 'the next cycle is not valid');
  const draft = newDraft({
    id,
    orgId,
    assessment,
    model: previous.model,
    userId: user.userId,
    at: deps.now(),
  });
  const scope = await getCycle(deps.database.db, assessmentId, orgId);
  const evidenceCopied = await insertNextCycle(deps.database.db, {
    assessment: { ...draft.row, kind: 'next-cycle' },
    cycle: {
      assessmentId: id,
      orgId,
      scopeKey: scope.scopeKey,
      baselineId: assessmentId,
      reminderOn: null,
      sharedSourceId: null,
    },
    fromAssessmentId: assessmentId,
  });
  return { assessment: draft.view, evidenceCopied };
}
