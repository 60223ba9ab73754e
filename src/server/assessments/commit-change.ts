import { PkimmError } from '../../core/errors.js';
import {
  applyChange,
  type AlongsideChange,
  type ChangeToApply,
} from '../../persistence/repositories/assessments/apply-change.js';
import { getAssessment } from '../../persistence/repositories/assessments/assessments.js';
import type { ServiceDeps } from './deps.js';
import { etagOf } from './etag.js';
import type { KeepResponse, ServiceResponse } from './idempotency.js';
import { READ_ONLY_MESSAGE } from './open-assessment.js';
import { StaleVersionError } from './stale-version.js';

/**
 * Applies a change computed from `expectedVersion`; when another writer got there first,
 * fails with the state that won, read after the failed write so it is the newest.
 */
export async function commitChange(
  deps: ServiceDeps,
  change: ChangeToApply,
  alongside?: AlongsideChange,
): Promise<number> {
  const { db } = deps.database;
  const outcome = await applyChange(db, change, alongside);
  if (outcome.applied) return outcome.version;
  const current = await getAssessment(db, change.assessmentId);
  if (!current) throw new PkimmError('NOT_FOUND', `no assessment ${change.assessmentId}`);
  if (current.status === 'final' && change.nextColumns?.status === undefined) {
    throw new PkimmError('READ_ONLY', READ_ONLY_MESSAGE);
  }
  throw new StaleVersionError(change.expectedVersion, {
    version: current.version,
    status: current.status,
    document: current.document,
  });
}

/**
 * Commits a change made from `expectedVersion` and answers 200 with `body`; the response is
 * stored with the change in the same transaction, so a retry with the same idempotency key
 * replays exactly this answer.
 */
export async function commitAndReply<T>(
  deps: ServiceDeps,
  keep: KeepResponse,
  body: T,
  change: Omit<ChangeToApply, 'idempotency'>,
  alongside?: AlongsideChange,
): Promise<ServiceResponse<T>> {
  const etag = etagOf(change.expectedVersion + 1);
  const kept = keep({ status: 200, etag, body });
  await commitChange(deps, { ...change, ...(kept ? { idempotency: kept } : {}) }, alongside);
  return { status: 200, etag, body };
}
