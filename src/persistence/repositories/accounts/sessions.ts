import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';

/** A live session with the account it belongs to, found by the hash of its cookie token. */
export interface SessionRecord {
  userId: string;
  email: string;
  isAdmin: boolean;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export async function insertSession(
  db: Kysely<Database>,
  input: { idHash: string; userId: string; at: Date; expiresAt: Date },
): Promise<void> {
  const at = input.at.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id_hash: input.idHash,
      user_id: input.userId,
      created_at: at,
      last_seen_at: at,
      expires_at: input.expiresAt.toISOString(),
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, idHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'users.email',
      'users.is_admin',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      email: row.email,
      isAdmin: row.is_admin === 1,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
    }
  );
}

/**
 * Slides the expiry forward, but only when the session was last seen at or before
 * `seenBefore`: the condition is in the statement so that concurrent requests (or processes)
 * write at most once, and the result says whether this request did.
 */
export async function touchSession(
  db: Kysely<Database>,
  idHash: string,
  input: { now: Date; expiresAt: Date; seenBefore: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ last_seen_at: input.now.toISOString(), expires_at: input.expiresAt.toISOString() })
    .where('id_hash', '=', idHash)
    .where('last_seen_at', '<=', input.seenBefore.toISOString())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Housekeeping at sign-in: a user's expired sessions are of no use to anyone. */
export async function deleteExpiredSessions(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now.toISOString())
    .execute();
}

/** A session as its owner sees it in a list: a short public id (never the stored hash) and its times. */
export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** The first 16 hex digits of the stored hash: enough to tell a user's sessions apart, useless as a credential. */
export function publicSessionId(idHash: string): string {
  return idHash.slice(0, 16);
}

export async function listSessionsOf(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<(SessionSummary & { idHash: string })[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    idHash: row.id_hash,
    id: publicSessionId(row.id_hash),
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  }));
}

/** Ends every session of a user but the one given (if any); answers how many ended. */
export async function deleteSessionsOf(
  db: Kysely<Database>,
  userId: string,
  keepIdHash?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
