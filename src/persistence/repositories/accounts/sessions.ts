import type { Kysely } from 'kysely';
import type { Database } from '../../schema.js';

/** A live session with the account it belongs to, found by the hash of its cookie token. */
export interface SessionRecord {
  userId: string;
  email: string;
  isAdmin: boolean;
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
