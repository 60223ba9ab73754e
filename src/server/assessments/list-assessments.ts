import type { AssessmentType } from '../../core/assessment/assessment.types.js';
import type { LevelNumber } from '../../core/model/model.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import type { AssessmentStatus } from '../../persistence/repositories/assessments/assessment-record.js';
import { listAssessments as listRecords } from '../../persistence/repositories/assessments/assessments.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from './deps.js';
import { loadAssessment } from './loaded-assessment.js';
import { requireOrgCapability } from './org-access.js';

export interface AssessmentSummary {
  id: string;
  title: string;
  model: { id: string; version: string };
  mode: 'self' | 'full';
  type: AssessmentType | null;
  status: AssessmentStatus;
  version: number;
  /** The overall level from the scoring engine, null while nothing is rated. */
  overall: { level: LevelNumber | null; name: string | null; raw: number | null };
  createdAt: string;
  updatedAt: string;
}

/** An organisation's assessments with their current overall level, scored from the stored documents. */
export async function listAssessments(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
): Promise<AssessmentSummary[]> {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const records = await listRecords(deps.database.db, orgId);
  return Promise.all(
    records.map(async (record) => {
      const { assessment, model } = await loadAssessment(deps, record);
      const { overall } = scoreAssessment(model, assessment);
      return {
        id: record.id,
        title: assessment.title,
        model: { id: assessment.model.id, version: assessment.model.version },
        mode: assessment.mode,
        type: assessment.type ?? null,
        status: record.status,
        version: record.version,
        overall: { level: overall.level, name: overall.levelName, raw: overall.raw },
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
      };
    }),
  );
}
