import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import type { ScoreReport } from '../../core/scoring/score.types.js';
import { api, loadModel } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { useAsync } from '../components/useAsync.js';
import { fromDocument } from '../score/fromDocument.js';

export interface Results {
  record: AssessmentRecord;
  model: Model;
  assessment: Assessment;
  report: ScoreReport;
  previous: { record: AssessmentRecord; report: ScoreReport } | null;
}

/** The assessment, its model and score, and the latest assessment of the same model created before it, if any. */
export function useResults(assessmentId: string) {
  return useAsync(async (): Promise<Results> => {
    const record = await api.assessment(assessmentId);
    const model = await loadModel(record.model.id, record.model.version);
    const assessment = fromDocument(record.document);
    const report = scoreAssessment(model, assessment);
    let previous: Results['previous'] = null;
    try {
      const { assessments } = await api.assessments(record.orgId);
      const earlier = assessments
        .filter(
          (a) =>
            a.id !== record.id &&
            a.model.id === record.model.id &&
            a.model.version === record.model.version &&
            a.createdAt < record.createdAt,
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      if (earlier) {
        const other = await api.assessment(earlier.id);
        previous = { record: other, report: scoreAssessment(model, fromDocument(other.document)) };
      }
    } catch {
      // An external assessor may not list the organisation's assessments: no overlay then.
    }
    return { record, model, assessment, report, previous };
  }, [assessmentId]);
}
