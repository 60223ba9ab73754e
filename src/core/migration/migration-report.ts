import type { Assessment, CategoryAnswer, RequirementAnswer } from '../assessment/assessment.types.js';

export interface MigrationReport {
  /** Answers moved to a new key (categories, requirements, relevance), in assessment order. */
  carried: { from: string; to: string }[];
  /** Keys with no successor. `hadData`: the assessment had a rating, notes or another answer there. */
  dropped: { key: string; reason: string; hadData: boolean }[];
  /** Categories (and requirements of carried categories) that are new in the target, left not assessed. */
  added: string[];
}

export interface MigrationResult {
  assessment: Assessment;
  report: MigrationReport;
}

/** True when an answer says anything beyond "applicable, not assessed". */
export function hasData(answer: CategoryAnswer | RequirementAnswer | undefined): boolean {
  if (!answer) return false;
  const { level, applicability, reason: _reason, extra, ...rest } = answer;
  return (
    level > 0 ||
    applicability !== 'applicable' ||
    (extra !== undefined && Object.keys(extra).length > 0) ||
    Object.values(rest).some((value) => value !== undefined && value !== '' && value !== false)
  );
}
