import { parsePkimmAssessment } from '../../core/assessment/parse-pkimm-assessment.js';
import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import { PkimmError } from '../../core/errors.js';
import { getRevision, revisionsAfter } from '../../persistence/repositories/assessments/revisions.js';
import type { Principal } from '../auth/principal.js';
import { assessmentView, type AssessmentView } from './assessment-view.js';
import { commitAndReply } from './commit-change.js';
import type { ServiceDeps } from './deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from './idempotency.js';
import { documentOf } from './loaded-assessment.js';
import { assertNoIssues } from './model-issues.js';
import { openForWrite } from './open-assessment.js';
import { undoRevisions } from './undo-revisions.js';

export interface RestoreInput {
  assessmentId: string;
  /** The version whose document comes back. */
  version: number;
  expectedVersion: number;
  idempotency?: IdempotencyRequest | undefined;
}

/**
 * Brings back the document as it was right after `version`, as a new revision on top (the
 * history is never rewritten, so a restore can itself be undone). The status is not touched.
 */
export async function restoreRevision(
  deps: ServiceDeps,
  principal: Principal | null,
  input: RestoreInput,
): Promise<ServiceResponse<AssessmentView>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(deps, principal, input.assessmentId, 'finalise', input.expectedVersion);
    const { record, model, assessment } = opened;
    const { db } = deps.database;
    if (!(await getRevision(db, record.id, input.version))) {
      throw new PkimmError('NOT_FOUND', `assessment ${record.id} has no version ${input.version}`);
    }
    // Only revisions up to the version we read; a newer one makes the write below conflict.
    const newer = (await revisionsAfter(db, record.id, input.version)).filter(
      (r) => r.version <= record.version,
    );
    const parsed = parsePkimmAssessment(undoRevisions(record.document, newer));
    if (!parsed.assessment) throw new Error(`version ${input.version} of ${record.id} cannot be rebuilt`);
    const restored = parsed.assessment;
    assertNoIssues(
      validateAgainstModel(restored, model),
      `version ${input.version} is not valid against ${model.id} ${model.version}`,
    );
    const at = deps.now().toISOString();
    const after = documentOf(restored, model);
    const version = input.expectedVersion + 1;
    const body = assessmentView(
      {
        ...record,
        title: restored.title,
        type: restored.type ?? null,
        version,
        document: after,
        updatedAt: at,
      },
      restored,
    );
    return commitAndReply(deps, keep, body, {
      assessmentId: record.id,
      expectedVersion: input.expectedVersion,
      actor: opened.principal.userId,
      at,
      kind: 'restore',
      change: { path: [], before: documentOf(assessment, model), after },
      nextDocument: after,
      nextColumns: { title: restored.title, type: restored.type ?? null, mode: restored.mode },
    });
  });
}
