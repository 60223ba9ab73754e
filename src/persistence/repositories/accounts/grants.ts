import type { Kysely } from 'kysely';
import type { Database, Role } from '../../schema.js';

/** An external assessor's access to one assessment, with no membership of its organisation. */
export interface Grant {
  assessmentId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** An assessment someone was invited to: only what they may see, nothing of the organisation. */
export interface GrantedAssessment {
  id: string;
  title: string;
  role: Role;
}

/** The organisation an assessment belongs to, to check the caller's role there. */
export async function assessmentOrgId(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('assessments')
    .select('org_id')
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  return row?.org_id;
}

/** Adds a grant; an existing one surfaces as a unique violation. */
export async function insertGrant(
  db: Kysely<Database>,
  input: { assessmentId: string; userId: string; role: Role; at: Date },
): Promise<void> {
  await db
    .insertInto('assessment_grants')
    .values({
      assessment_id: input.assessmentId,
      user_id: input.userId,
      role: input.role,
      created_at: input.at.toISOString(),
    })
    .execute();
}

export async function deleteGrant(
  db: Kysely<Database>,
  assessmentId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('assessment_grants')
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Who was invited to an assessment, by email. */
export async function listGrants(db: Kysely<Database>, assessmentId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('assessment_grants')
    .innerJoin('users', 'users.id', 'assessment_grants.user_id')
    .select([
      'assessment_grants.assessment_id',
      'assessment_grants.user_id',
      'users.email',
      'users.name',
      'assessment_grants.role',
      'assessment_grants.created_at',
    ])
    .where('assessment_grants.assessment_id', '=', assessmentId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    userId: r.user_id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
  }));
}

/** The assessments a user was invited to, by title. */
export async function listGrantedAssessments(
  db: Kysely<Database>,
  userId: string,
): Promise<GrantedAssessment[]> {
  const rows = await db
    .selectFrom('assessment_grants')
    .innerJoin('assessments', 'assessments.id', 'assessment_grants.assessment_id')
    .select(['assessments.id', 'assessments.title', 'assessment_grants.role'])
    .where('assessment_grants.user_id', '=', userId)
    .orderBy('assessments.title')
    .orderBy('assessments.id')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, role: r.role }));
}
