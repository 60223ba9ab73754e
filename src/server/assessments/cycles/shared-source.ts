import type { Assessment } from '../../../core/assessment/assessment.types.js';
import { parsePkimmAssessment } from '../../../core/assessment/parse-pkimm-assessment.js';
import { toPkimmDocument } from '../../../core/assessment/to-pkimm-document.js';
import { PkimmError } from '../../../core/errors.js';
import type { Model } from '../../../core/model/model.types.js';
import { isSharedKey, moduleOfKey } from '../../../core/portfolio/shared-answers.js';
import { withSharedAnswers } from '../../../core/portfolio/shared-answers.js';
import type { AssessmentRecord } from '../../../persistence/repositories/assessments/assessment-record.js';
import { getAssessment } from '../../../persistence/repositories/assessments/assessments.js';
import { getCycle } from '../../../persistence/repositories/cycles.js';
import type { ServiceDeps } from '../deps.js';

export interface SharedFrom {
  assessmentId: string;
  title: string;
}

export interface WithShared {
  record: AssessmentRecord;
  assessment: Assessment;
  sharedFrom?: SharedFrom;
}

/**
 * While an assessment is not final and names a shared source, its Governance and Resources
 * answers are the source's: the record's document and the assessment are replaced by the
 * merged ones, so scoring, the API, reports and exports all see the same thing. Once final,
 * the stored document is what counts (finalising stores the merged state), so a signed-off
 * result never changes when the source is edited later.
 */
export async function applySharedSource(
  deps: ServiceDeps,
  record: AssessmentRecord,
  assessment: Assessment,
  model: Model,
): Promise<WithShared> {
  if (record.status === 'final') return { record, assessment };
  const cycle = await getCycle(deps.database.db, record.id, record.orgId);
  if (cycle.sharedSourceId === null) return { record, assessment };
  const source = await getAssessment(deps.database.db, cycle.sharedSourceId);
  // Checked when the link was made; a source changed since (or gone) just stops sharing.
  if (!source || source.orgId !== record.orgId || source.modelVersion !== record.modelVersion) {
    return { record, assessment };
  }
  const parsed = parsePkimmAssessment(source.document).assessment;
  if (!parsed) return { record, assessment };
  const merged = withSharedAnswers(assessment, parsed);
  return {
    record: { ...record, document: toPkimmDocument(merged, model) },
    assessment: merged,
    sharedFrom: { assessmentId: source.id, title: parsed.title },
  };
}

/** Refuses an answer change to a shared module: it belongs to the source, so it is made there. */
export function assertNotShared(
  sharedFrom: SharedFrom | undefined,
  change: { target: string; key: string },
): void {
  if (!sharedFrom || change.target === 'relevance' || !isSharedKey(change.key)) return;
  throw new PkimmError(
    'CONFLICT',
    `module ${moduleOfKey(change.key)} is answered in "${sharedFrom.title}" (${sharedFrom.assessmentId}); change it there`,
    { issues: [{ path: 'body.key', message: 'belongs to a shared Governance or Resources module' }] },
  );
}
