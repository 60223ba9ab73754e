import type { Assessment, AssessmentType } from '../../core/assessment/assessment.types.js';
import type {
  AssessmentRecord,
  AssessmentStatus,
} from '../../persistence/repositories/assessments/assessment-record.js';

/** An assessment as the API returns it: the stored columns and the document in our format. */
export interface AssessmentView {
  id: string;
  orgId: string;
  title: string;
  model: { id: string; version: string };
  mode: Assessment['mode'];
  type: AssessmentType | null;
  status: AssessmentStatus;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  document: Record<string, unknown>;
}

export function assessmentView(record: AssessmentRecord, assessment: Assessment): AssessmentView {
  return {
    id: record.id,
    orgId: record.orgId,
    title: assessment.title,
    model: { id: assessment.model.id, version: assessment.model.version },
    mode: assessment.mode,
    type: assessment.type ?? null,
    status: record.status,
    version: record.version,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    document: record.document as Record<string, unknown>,
  };
}
