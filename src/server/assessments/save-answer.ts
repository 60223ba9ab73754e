import { validateAgainstModel } from '../../core/assessment/validate-against-model.js';
import { PkimmError } from '../../core/errors.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { scoreToJson } from '../../core/scoring/score-json.js';
import type { AlongsideChange } from '../../persistence/repositories/assessments/apply-change.js';
import type { Principal } from '../auth/principal.js';
import { COLLECTION_OF, FIELDS_BY_TARGET, capabilityForField, type AnswerChange } from './answer-change.js';
import { applyAnswer } from './apply-answer.js';
import { commitAndReply } from './commit-change.js';
import type { ServiceDeps } from './deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from './idempotency.js';
import { documentOf } from './loaded-assessment.js';
import { assertNoIssues, unknownKeyIssues } from './model-issues.js';
import { openForWrite } from './open-assessment.js';
import { assertNotShared } from './cycles/shared-source.js';

export interface SaveAnswerInput {
  assessmentId: string;
  expectedVersion: number;
  change: AnswerChange;
  idempotency?: IdempotencyRequest | undefined;
  /** Writes that commit in the same transaction as the rating, or not at all (see applyChange). */
  alongside?: AlongsideChange | undefined;
}

export interface SaveAnswerResult {
  version: number;
  change: AnswerChange;
  score: { overall: ReturnType<typeof scoreToJson>['overall'] };
}

/**
 * Autosave: applies exactly one answer change to the version the client saw, records it as
 * a revision (the whole answer before and after) and returns the new version with the new
 * overall score, so the client can show it without a second request.
 */
export async function saveAnswer(
  deps: ServiceDeps,
  principal: Principal | null,
  input: SaveAnswerInput,
): Promise<ServiceResponse<SaveAnswerResult>> {
  const { change } = input;
  if (!FIELDS_BY_TARGET[change.target].includes(change.field)) {
    throw new PkimmError('VALIDATION_FAILED', `a ${change.target} has no field ${change.field}`, {
      issues: [
        { path: 'body.field', message: `must be one of ${FIELDS_BY_TARGET[change.target].join(', ')}` },
      ],
    });
  }
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(
      deps,
      principal,
      input.assessmentId,
      capabilityForField(change.field),
      input.expectedVersion,
    );
    const { assessment, model } = opened;
    assertNotShared(opened.sharedFrom, change);
    const collection = COLLECTION_OF[change.target];
    assertNoIssues(
      unknownKeyIssues(assessment, model, collection, [change.key]),
      `unknown ${change.target} ${JSON.stringify(change.key)}`,
    );
    const at = deps.now().toISOString();
    const next = applyAnswer(assessment, change, at);
    // Only this entry changed, so only its problems are this request's problems.
    const issues = validateAgainstModel(next, model).filter(
      (i) => i.path[0] === collection && i.path[1] === change.key,
    );
    assertNoIssues(issues, 'the change is not valid');
    // The stored document is what documentOf wrote last time; no need to serialise it again.
    const before = opened.record.document as Record<string, unknown>;
    const after = documentOf(next, model);
    const body: SaveAnswerResult = {
      version: input.expectedVersion + 1,
      change,
      score: { overall: scoreToJson(scoreAssessment(model, next)).overall },
    };
    return commitAndReply(
      deps,
      keep,
      body,
      {
        assessmentId: input.assessmentId,
        expectedVersion: input.expectedVersion,
        actor: opened.principal.userId,
        at,
        kind: `${change.target}.${change.field}`,
        change: {
          path: [collection, change.key],
          before: entryOf(before, collection, change.key),
          after: entryOf(after, collection, change.key),
        },
        nextDocument: after,
      },
      input.alongside,
    );
  });
}

function entryOf(document: Record<string, unknown>, collection: string, key: string): unknown {
  const entries = document[collection] as Record<string, unknown> | undefined;
  return entries && Object.hasOwn(entries, key) ? entries[key] : null;
}
