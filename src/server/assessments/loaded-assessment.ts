import type { Assessment } from '../../core/assessment/assessment.types.js';
import { parsePkimmAssessment } from '../../core/assessment/parse-pkimm-assessment.js';
import { toPkimmDocument } from '../../core/assessment/to-pkimm-document.js';
import type { Model } from '../../core/model/model.types.js';
import type { AssessmentRecord } from '../../persistence/repositories/assessments/assessment-record.js';
import { applySharedSource, type SharedFrom } from './cycles/shared-source.js';
import type { ServiceDeps } from './deps.js';

/** A stored assessment with its document read back into the domain type, and its model. */
export interface LoadedAssessment {
  record: AssessmentRecord;
  assessment: Assessment;
  model: Model;
  /** Set while Governance and Resources answers come from another assessment (docs/cycles.md). */
  sharedFrom?: SharedFrom;
}

/**
 * Reads the stored document. It was validated when written, so a failure here means the
 * database was changed behind our back: an internal error, not the caller's fault.
 */
export async function loadAssessment(deps: ServiceDeps, record: AssessmentRecord): Promise<LoadedAssessment> {
  const parsed = parsePkimmAssessment(record.document);
  if (!parsed.assessment) {
    const first = parsed.issues[0];
    throw new Error(
      `stored assessment ${record.id} is unreadable: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown'}`,
    );
  }
  const model = await deps.registry.get(record.modelId, record.modelVersion);
  return { ...(await applySharedSource(deps, record, parsed.assessment, model)), model };
}

/** The document we store and serve: our format as plain JSON data, in the model's order. */
export function documentOf(assessment: Assessment, model: Model): Record<string, unknown> {
  return toPkimmDocument(assessment, model);
}
