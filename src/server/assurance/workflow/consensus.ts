import type { Rating } from '../../../core/assessment/assessment.types.js';
import { ratingSpread } from '../../../core/assurance/workflow/rating-spread.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import {
  listRespondentRatings,
  upsertConsensus,
} from '../../../persistence/repositories/workflow-ratings.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { saveAnswer } from '../../assessments/save-answer.js';
import { respondentRatings, type RespondentRatingsView } from './respondent-ratings.js';
import { assertRequirementKey, openForStep } from './workflow-context.js';

/**
 * The assessor's agreed rating after seeing the respondents' spread. The rating itself goes
 * through the autosave path (one revision, If-Match, the same checks as any rating); the
 * note and the spread it was decided on are recorded next to it and in the log, in the same
 * transaction as the revision, so there is never a rating without its consensus or the reverse.
 */
export async function recordConsensus(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
  input: { expectedVersion: number; level: Rating; note?: string | undefined },
): Promise<{ version: number; view: RespondentRatingsView }> {
  const opened = await openForStep(deps, principal, assessmentId, 'consensus');
  assertRequirementKey(opened, key);
  const spread = ratingSpread(
    (await listRespondentRatings(deps.database.db, assessmentId, key)).map((r) => r.level),
    opened.model.levels.length,
  );
  const at = deps.now().toISOString();
  const note = input.note?.trim() || null;
  const saved = await saveAnswer(deps, principal, {
    assessmentId,
    expectedVersion: input.expectedVersion,
    change: { target: 'requirement', key, field: 'level', value: input.level },
    alongside: {
      // The revision's conditional update (version = expected) already holds the row lock and
      // proves nothing, a sign-off included, happened since openForStep checked the status.
      after: async (trx, version) => {
        await upsertConsensus(trx, assessmentId, {
          key,
          level: input.level,
          note,
          version,
          decidedBy: opened.principal.userId,
          decidedAt: at,
        });
        await appendLog(trx, {
          assessmentId,
          orgId: opened.record.orgId,
          at,
          actor: opened.principal.userId,
          event: 'consensus.recorded',
          detail: { key, level: input.level, note, version, spread },
        });
      },
    },
  });
  return { version: saved.body.version, view: await respondentRatings(deps, principal, assessmentId, key) };
}
