import { randomUUID } from 'node:crypto';
import { PkimmError } from '../../../core/errors.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import { getSignOff } from '../../../persistence/repositories/signoff.js';
import {
  correctionLinks,
  insertCorrection,
  type CorrectionRecord,
} from '../../../persistence/repositories/signoff-corrections.js';
import type { Principal } from '../../auth/principal.js';
import { newDraft } from '../../assessments/create-assessment.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment } from '../../assessments/open-assessment.js';
import { requireWriteScope } from './signoff-context.js';

export const CORRECTION_SUFFIX = ' (correction)';

/**
 * Corrects a signed-off assessment the only way it can be: a new draft at version 1 holding a
 * copy of its document, linked to it with the reason. The original stays frozen and visible;
 * the link is logged on the new assessment (the original's log is frozen with it).
 * Owners only, like every other step that undoes a final result.
 */
export async function createCorrection(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  reason: string,
): Promise<CorrectionRecord> {
  const opened = await openAssessment(deps, principal, assessmentId, 'finalise');
  requireWriteScope(opened.principal);
  const { db } = deps.database;
  const { record, model } = opened;
  if (!(await getSignOff(db, record.id))) {
    throw new PkimmError(
      'CONFLICT',
      'only a signed-off assessment is corrected this way; this one can still be changed directly',
    );
  }
  const id = randomUUID();
  const title = `${record.title}${CORRECTION_SUFFIX}`;
  const userId = opened.principal.userId;
  const at = deps.now();
  const draft = newDraft({
    id,
    orgId: record.orgId,
    assessment: { ...opened.assessment, id, title },
    model,
    userId,
    at,
  });
  await db.transaction().execute(async (trx) => {
    await insertCorrection(trx, { ...draft.row, kind: 'correction', originalId: record.id, reason });
    await appendLog(trx, {
      assessmentId: id,
      orgId: record.orgId,
      at: draft.row.at,
      actor: userId,
      event: 'correction.created',
      detail: { originalId: record.id, reason },
    });
  });
  return {
    correctionId: id,
    originalId: record.id,
    reason,
    createdBy: userId,
    createdAt: draft.row.at,
    title,
  };
}

/** Both directions of the link, for anyone who may read the assessment. */
export async function readCorrections(deps: ServiceDeps, principal: Principal | null, assessmentId: string) {
  await openAssessment(deps, principal, assessmentId, 'read');
  return correctionLinks(deps.database.db, assessmentId);
}
