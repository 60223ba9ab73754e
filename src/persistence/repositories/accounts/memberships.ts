import type { Kysely } from 'kysely';
import type { Database, Role } from '../../schema.js';

/** A member of an organisation, with enough of the account to show in a list. */
export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}

/** Adds a member; an existing membership surfaces as a unique violation. */
export async function insertMembership(
  db: Kysely<Database>,
  input: { orgId: string; userId: string; role: Role; at: Date },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      org_id: input.orgId,
      user_id: input.userId,
      role: input.role,
      created_at: input.at.toISOString(),
    })
    .execute();
}

function members(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.email',
      'users.name',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.org_id', '=', orgId);
}

type MemberRow = { user_id: string; email: string; name: string; role: Role; created_at: string };
function toMember(r: MemberRow): Member {
  return { userId: r.user_id, email: r.email, name: r.name, role: r.role, since: r.created_at };
}

export async function findMember(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
): Promise<Member | undefined> {
  const row = await members(db, orgId).where('memberships.user_id', '=', userId).executeTakeFirst();
  return row && toMember(row);
}

/** The members of an organisation, by email. */
export async function listMembers(db: Kysely<Database>, orgId: string): Promise<Member[]> {
  return (await members(db, orgId).orderBy('users.email').execute()).map(toMember);
}

export async function countOwners(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a bigint string, SQLite as a number.
  return Number(row.n);
}

export async function updateMemberRole(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  role: Role,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(db: Kysely<Database>, orgId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}
