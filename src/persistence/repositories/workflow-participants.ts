import type { Kysely, Transaction } from 'kysely';
import type { ParticipantRole } from '../../core/assurance/workflow/workflow.types.js';
import type { Database, Role } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ParticipantRecord {
  assessmentId: string;
  userId: string;
  email: string;
  name: string;
  role: ParticipantRole;
  /** True when the account reaches the assessment through an invitation, not a membership. */
  external: boolean;
  addedBy: string;
  addedAt: string;
}

export interface StatementRecord {
  userId: string;
  independence: string;
  qualification: string;
  statedAt: string;
}

/** Every participant row of an assessment, with the account's email and name. */
export async function listParticipants(
  db: Db,
  assessmentId: string,
  orgId: string,
): Promise<ParticipantRecord[]> {
  const rows = await db
    .selectFrom('assessment_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'p.user_id').on('m.org_id', '=', orgId),
    )
    .select(['p.user_id', 'p.role', 'p.added_by', 'p.added_at', 'u.email', 'u.name', 'm.role as member_role'])
    .where('p.assessment_id', '=', assessmentId)
    .orderBy('p.added_at')
    .orderBy('u.email')
    .orderBy('p.role')
    .execute();
  return rows.map((row) => ({
    assessmentId,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    external: row.member_role === null,
    addedBy: row.added_by,
    addedAt: row.added_at,
  }));
}

/** The participant roles of one account, and whether the assessment has any participant at all. */
export async function participationOf(
  db: Db,
  assessmentId: string,
  userId: string,
): Promise<{ usesWorkflow: boolean; roles: ParticipantRole[]; stated: boolean }> {
  const rows = await db
    .selectFrom('assessment_participants')
    .select(['user_id', 'role'])
    .where('assessment_id', '=', assessmentId)
    .execute();
  const roles = rows.filter((r) => r.user_id === userId).map((r) => r.role);
  // Only a participant can have stated anything; everyone else is spared the second query.
  const stated = roles.length > 0 && (await getStatement(db, assessmentId, userId)) !== undefined;
  return { usesWorkflow: rows.length > 0, roles, stated };
}

/** How the account reaches the assessment: its membership role, or its invitation's role. */
export async function accessRoles(
  db: Db,
  assessmentId: string,
  orgId: string,
  userId: string,
): Promise<{ orgRole: Role | null; grantRole: Role | null }> {
  const member = await db
    .selectFrom('memberships')
    .select('role')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const grant = await db
    .selectFrom('assessment_grants')
    .select('role')
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { orgRole: member?.role ?? null, grantRole: grant?.role ?? null };
}

/** Adds one participant role; an existing one surfaces as a unique violation. */
export async function insertParticipant(
  db: Db,
  input: { assessmentId: string; userId: string; role: ParticipantRole; addedBy: string; at: string },
): Promise<void> {
  await db
    .insertInto('assessment_participants')
    .values({
      assessment_id: input.assessmentId,
      user_id: input.userId,
      role: input.role,
      added_by: input.addedBy,
      added_at: input.at,
    })
    .execute();
}

export async function deleteParticipant(
  db: Db,
  assessmentId: string,
  userId: string,
  role: ParticipantRole,
): Promise<boolean> {
  const result = await db
    .deleteFrom('assessment_participants')
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function getStatement(
  db: Db,
  assessmentId: string,
  userId: string,
): Promise<StatementRecord | undefined> {
  const row = await db
    .selectFrom('participant_statements')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? {
        userId: row.user_id,
        independence: row.independence,
        qualification: row.qualification,
        statedAt: row.stated_at,
      }
    : undefined;
}

export async function listStatements(db: Db, assessmentId: string): Promise<StatementRecord[]> {
  const rows = await db
    .selectFrom('participant_statements')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    independence: row.independence,
    qualification: row.qualification,
    statedAt: row.stated_at,
  }));
}

/** Records or replaces a statement: a later one supersedes the earlier (the log keeps both). */
export async function upsertStatement(
  db: Db,
  assessmentId: string,
  statement: StatementRecord,
): Promise<void> {
  await db
    .insertInto('participant_statements')
    .values({
      assessment_id: assessmentId,
      user_id: statement.userId,
      independence: statement.independence,
      qualification: statement.qualification,
      stated_at: statement.statedAt,
    })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'user_id']).doUpdateSet({
        independence: statement.independence,
        qualification: statement.qualification,
        stated_at: statement.statedAt,
      }),
    )
    .execute();
}
