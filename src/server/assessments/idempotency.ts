import { createHash } from 'node:crypto';
import { PkimmError } from '../../core/errors.js';
import {
  findIdempotent,
  type IdempotencyRecord,
  type StoredResponse,
} from '../../persistence/repositories/assessments/idempotency.js';
import { isUniqueViolation } from '../../persistence/dialect.js';
import type { ServiceDeps } from './deps.js';
import { StaleVersionError } from './stale-version.js';

/** How long a key is remembered; a client retries within seconds, a day is generous. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyRequest {
  userId: string;
  key: string;
  requestHash: string;
}

/** A response as a service returns it; the route sends it as is. */
export interface ServiceResponse<T> {
  status: number;
  etag?: string;
  body: T;
}

/** What a service hands to the repository so the response is stored with the change. */
export type KeepResponse = (
  response: StoredResponse,
) => { record: IdempotencyRecord; notBefore: string } | undefined;

/** The hash that tells a retry (same request) from a reused key (another request). */
export function requestHash(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  return hash.digest('hex');
}

/**
 * Runs a write at most once per key. A stored response is replayed (same status, body and
 * ETag) without running anything; otherwise the write runs and stores its response in its
 * own transaction. When two copies of one request race, the loser fails its version check
 * or the key's unique constraint, and then replays what the winner stored.
 */
export async function runIdempotent<T>(
  deps: ServiceDeps,
  request: IdempotencyRequest | undefined,
  run: (keep: KeepResponse) => Promise<ServiceResponse<T>>,
): Promise<ServiceResponse<T>> {
  if (!request) return run(() => undefined);
  const { db } = deps.database;
  const notBefore = new Date(deps.now().getTime() - KEY_LIFETIME_MS).toISOString();
  const stored = await findIdempotent(db, request.userId, request.key, notBefore);
  if (stored) return replay<T>(stored, request);
  try {
    return await run((response) => ({
      record: { ...request, response, createdAt: deps.now().toISOString() },
      notBefore,
    }));
  } catch (error) {
    if (!(error instanceof StaleVersionError) && !isUniqueViolation(error)) throw error;
    const winner = await findIdempotent(db, request.userId, request.key, notBefore);
    if (winner) return replay<T>(winner, request);
    throw error;
  }
}

function replay<T>(stored: IdempotencyRecord, request: IdempotencyRequest): ServiceResponse<T> {
  if (stored.requestHash !== request.requestHash) {
    throw new PkimmError(
      'IDEMPOTENCY_MISMATCH',
      `the Idempotency-Key ${JSON.stringify(request.key)} was already used for a different request; use a new key for a new change`,
    );
  }
  // The body was produced by this same route from the same request, so it has this type.
  return { ...stored.response, body: stored.response.body as T };
}
