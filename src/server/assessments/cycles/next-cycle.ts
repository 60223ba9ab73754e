import { randomUUID } from 'node:crypto';
import { nextCycleAssessment } from '../../../core/cycles/next-cycle.js';
import { PkimmError } from '../../../core/errors.js';
import { validateAgainstModel } from '../../../core/assessment/validate-against-model.js';
import { getCycle, insertNextCycle } from '../../../persistence/repositories/cycles.js';
import type { Principal } from '../../auth/principal.js';
import { assessmentView, type AssessmentView } from '../assessment-view.js';
import type { ServiceDeps } from '../deps.js';
import { documentOf } from '../loaded-assessment.js';
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
  const document = documentOf(assessment, previous.model);
  const at = deps.now().toISOString();
  const scope = await getCycle(deps.database.db, assessmentId, orgId);
  const evidenceCopied = await insertNextCycle(deps.database.db, {
    assessment: {
      id,
      orgId,
      title: assessment.title,
      modelId: previous.model.id,
      modelVersion: previous.model.version,
      mode: assessment.mode,
      type: assessment.type ?? null,
      document,
      actor: user.userId,
      at,
      kind: 'next-cycle',
    },
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
  const view = assessmentView(
    {
      id,
      orgId,
      title: assessment.title,
      modelId: previous.model.id,
      modelVersion: previous.model.version,
      mode: assessment.mode,
      type: assessment.type ?? null,
      status: 'draft',
      version: 1,
      document,
      createdBy: user.userId,
      createdAt: at,
      updatedAt: at,
    },
    assessment,
  );
  return { assessment: view, evidenceCopied };
}
