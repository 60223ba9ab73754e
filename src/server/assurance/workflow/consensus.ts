import type { Rating } from '../../../core/assessment/assessment.types.js';
import { ratingSpread } from '../../../core/assurance/workflow/rating-spread.js';
import {
  listRespondentRatings,
  upsertConsensus,
} from '../../../persistence/repositories/workflow-ratings.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { saveAnswer } from '../../assessments/save-answer.js';
import { respondentRatings, type RespondentRatingsView } from './respondent-ratings.js';
import { assertRequirementKey, openForStep, writeStep } from './workflow-context.js';

/**
 * The assessor's agreed rating after seeing the respondents' spread. The rating itself goes
 * through the autosave path (one revision, If-Match, the same checks as any rating); the
 * note and the spread it was decided on are recorded next to it and in the log.
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
  const saved = await saveAnswer(deps, principal, {
    assessmentId,
    expectedVersion: input.expectedVersion,
    change: { target: 'requirement', key, field: 'level', value: input.level },
  });
  const version = saved.body.version;
  const { db } = deps.database;
  const spread = ratingSpread(
    (await listRespondentRatings(db, assessmentId, key)).map((r) => r.level),
    opened.model.levels.length,
  );
  const at = deps.now().toISOString();
  const note = input.note?.trim() || null;
  await writeStep(
    deps,
    opened,
    {
      event: 'consensus.recorded',
      at,
      detail: { key, level: input.level, note, version, spread },
    },
    (trx) =>
      upsertConsensus(trx, assessmentId, {
        key,
        level: input.level,
        note,
        version,
        decidedBy: opened.principal.userId,
        decidedAt: at,
      }),
  );
  return { version, view: await respondentRatings(deps, principal, assessmentId, key) };
}
