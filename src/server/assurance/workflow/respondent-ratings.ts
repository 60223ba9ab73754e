import { ratingSpread, type RatingSpread } from '../../../core/assurance/workflow/rating-spread.js';
import { PkimmError } from '../../../core/errors.js';
import {
  getConsensus,
  listRespondentRatings,
  upsertRespondentRating,
  type ConsensusRecord,
  type RespondentRatingRecord,
} from '../../../persistence/repositories/workflow-ratings.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment } from '../../assessments/open-assessment.js';
import { assertRequirementKey, openForStep, writeStep } from './workflow-context.js';

export interface RespondentRatingsView {
  key: string;
  /** The assessment's own rating of the requirement (0: not rated); respondents never set it. */
  assessmentLevel: number;
  ratings: Omit<RespondentRatingRecord, 'key'>[];
  spread: RatingSpread;
  consensus: Omit<ConsensusRecord, 'key'> | null;
}

export async function respondentRatings(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
): Promise<RespondentRatingsView> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  assertRequirementKey(opened, key);
  const { db } = deps.database;
  const ratings = await listRespondentRatings(db, assessmentId, key);
  const consensus = await getConsensus(db, assessmentId, key);
  return {
    key,
    assessmentLevel: opened.assessment.requirements[key]?.level ?? 0,
    ratings: ratings.map(({ key: _, ...rest }) => rest),
    spread: ratingSpread(
      ratings.map((r) => r.level),
      opened.model.levels.length,
    ),
    consensus: consensus ? stripKey(consensus) : null,
  };
}

function stripKey({ key: _, ...rest }: ConsensusRecord): Omit<ConsensusRecord, 'key'> {
  return rest;
}

/**
 * A respondent's own rating of a requirement. `forUser` is the path's user ("me" or one's own
 * id): anyone else's id is refused, so nobody writes another respondent's rating.
 */
export async function putOwnRating(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  key: string,
  forUser: string,
  input: { level: number; note?: string | undefined },
): Promise<RespondentRatingsView> {
  const opened = await openForStep(deps, principal, assessmentId, 'respondent-rating');
  const userId = opened.principal.userId;
  if (forUser !== 'me' && forUser !== userId)
    throw new PkimmError('FORBIDDEN', "respondents give their own rating only, never someone else's");
  assertRequirementKey(opened, key);
  if (input.level > opened.model.levels.length)
    throw new PkimmError('VALIDATION_FAILED', `the model has ${opened.model.levels.length} levels`, {
      issues: [{ path: 'body.level', message: `must be 1..${opened.model.levels.length}` }],
    });
  const at = deps.now().toISOString();
  const note = input.note?.trim() || null;
  await writeStep(
    deps,
    opened,
    { event: 'respondent.rating', at, detail: { key, userId, level: input.level, note } },
    (trx) => upsertRespondentRating(trx, { assessmentId, key, userId, level: input.level, note, at }),
  );
  return respondentRatings(deps, principal, assessmentId, key);
}
