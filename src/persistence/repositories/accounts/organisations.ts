import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../../schema.js';

/** A tenant. */
export interface Organisation {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

/** An organisation as one of its members sees it. */
export interface MyOrganisation extends Organisation {
  role: Role;
}

/**
 * Creates an organisation with its first owner. Run it in a transaction so that neither is
 * left without the other; a taken slug surfaces as a unique violation.
 */
export async function insertOrganisation(
  db: Kysely<Database>,
  input: { name: string; slug: string; ownerId: string; at: Date },
): Promise<Organisation> {
  const org = { id: randomUUID(), name: input.name, slug: input.slug, created_at: input.at.toISOString() };
  await db.insertInto('organisations').values(org).execute();
  await db
    .insertInto('memberships')
    .values({ org_id: org.id, user_id: input.ownerId, role: 'owner', created_at: org.created_at })
    .execute();
  return { id: org.id, name: org.name, slug: org.slug, createdAt: org.created_at };
}

export async function findOrganisation(db: Kysely<Database>, id: string): Promise<Organisation | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at };
}

/** The organisations a user is a member of, by name. */
export async function listOrganisationsOf(db: Kysely<Database>, userId: string): Promise<MyOrganisation[]> {
  const rows = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.org_id', 'organisations.id')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.slug',
      'organisations.created_at',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, createdAt: r.created_at, role: r.role }));
}

/**
 * Serialises changes to an organisation's members within a transaction: a no-op update takes
 * the row lock on PostgreSQL and the write lock on SQLite, portably (SQLite has no FOR UPDATE).
 * Without it, two owners demoting each other at once could both see "another owner remains".
 */
export async function lockOrganisation(trx: Kysely<Database>, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('organisations')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
