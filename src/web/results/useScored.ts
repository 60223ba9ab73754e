import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import type { ScoreReport } from '../../core/scoring/score.types.js';
import { api, loadModel } from '../api/endpoints.js';
import type { AssessmentRecord } from '../api/types.js';
import { fromDocument } from '../score/fromDocument.js';

export interface Scored {
  record: AssessmentRecord;
  report: ScoreReport;
}

/** One assessment with its score, computed in the browser. */
export async function loadScored(id: string): Promise<Scored> {
  const record = await api.assessment(id);
  const model = await loadModel(record.model.id, record.model.version);
  return { record, report: scoreAssessment(model, fromDocument(record.document)) };
}
