import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.js';

/** A response kept under an Idempotency-Key, replayed as is when the same request comes again. */
export interface StoredResponse {
  status: number;
  /** The ETag the response carried, when it had one. */
  etag?: string;
  body: unknown;
}

export interface IdempotencyRecord {
  userId: string;
  key: string;
  /** sha256 of what made the request (method, URL, If-Match, body). */
  requestHash: string;
  response: StoredResponse;
  createdAt: string;
}

/** The stored response for a user's key, unless it is older than `notBefore` (then the key is free again). */
export async function findIdempotent(
  db: Kysely<Database>,
  userId: string,
  key: string,
  notBefore: string,
): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where('created_at', '>=', notBefore)
    .executeTakeFirst();
  if (!row) return undefined;
  const stored = JSON.parse(row.response) as { etag?: string; body: unknown };
  return {
    userId: row.user_id,
    key: row.key,
    requestHash: row.request_hash,
    response: {
      status: Number(row.status),
      ...(stored.etag === undefined ? {} : { etag: stored.etag }),
      body: stored.body,
    },
    createdAt: row.created_at,
  };
}

/**
 * Stores a response under its key, in the transaction of the change it answers, so the two
 * commit together. An expired row with the same key is replaced; a live one makes the
 * insert fail with a unique violation, which rolls the change back.
 */
export async function saveIdempotent(
  trx: Transaction<Database>,
  record: IdempotencyRecord,
  notBefore: string,
): Promise<void> {
  await trx
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', record.userId)
    .where('key', '=', record.key)
    .where('created_at', '<', notBefore)
    .execute();
  await trx
    .insertInto('idempotency_keys')
    .values({
      user_id: record.userId,
      key: record.key,
      request_hash: record.requestHash,
      status: record.response.status,
      response: JSON.stringify({ etag: record.response.etag, body: record.response.body }),
      created_at: record.createdAt,
    })
    .execute();
}
