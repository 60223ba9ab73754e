import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../../schema.js';

/** An account as the rest of the code sees it; the password hash never leaves this module except through `findCredentials`. */
export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** What sign-in needs to decide: the account, its hash and its lockout state. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: string | null;
}

/** Emails are compared lower-cased and trimmed everywhere, so `A@x.org ` and `a@x.org` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const USER_COLUMNS = ['id', 'email', 'name', 'is_admin', 'created_at'] as const;

function toUser(row: Pick<Selectable<UserTable>, (typeof USER_COLUMNS)[number]>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
  };
}

/** Inserts an account; a taken email surfaces as the database's unique violation (see isUniqueViolation). */
export async function insertUser(
  db: Kysely<Database>,
  input: { email: string; name: string; passwordHash: string; isAdmin: boolean; at: Date },
): Promise<User> {
  const row = {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    name: input.name,
    password_hash: input.passwordHash,
    is_admin: input.isAdmin ? 1 : 0,
    failed_logins: 0,
    locked_until: null,
    created_at: input.at.toISOString(),
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findCredentials(
  db: Kysely<Database>,
  email: string,
): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash', 'failed_logins', 'locked_until'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return (
    row && {
      user: toUser(row),
      passwordHash: row.password_hash,
      failedLogins: row.failed_logins,
      lockedUntil: row.locked_until,
    }
  );
}

/**
 * Counts one failed sign-in in a single statement (so concurrent attempts all count) and,
 * when the count reaches `threshold`, locks the account until `lockUntil` and starts the count
 * afresh, so after the lock the user has the full number of attempts again.
 */
export async function recordFailedSignIn(
  db: Kysely<Database>,
  userId: string,
  rule: { threshold: number; lockUntil: Date },
): Promise<{ lockedUntil: string | null }> {
  const counted = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId)
    .returning('failed_logins')
    .executeTakeFirst();
  if (!counted || counted.failed_logins < rule.threshold) return { lockedUntil: null };
  const lockedUntil = rule.lockUntil.toISOString();
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: lockedUntil })
    .where('id', '=', userId)
    .execute();
  return { lockedUntil };
}

/** A successful sign-in ends any lockout and forgets earlier failures. */
export async function clearFailedSignIns(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

/** A new password hash; earlier failures and any lock are forgotten with the old password. */
export async function setPasswordHash(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
