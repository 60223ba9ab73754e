import type { Kysely, Transaction } from 'kysely';
import type { AssuranceProfile } from '../../core/assurance/signoff/profile.js';
import type { Decision } from '../../core/assurance/signoff/approval-rules.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Revision kinds that set a rating: whoever wrote one may not approve the assessment. */
export const RATING_KINDS = ['requirement.level', 'category.level', 'relevance.level'] as const;

export interface StoredProfile extends AssuranceProfile {
  updatedBy: string;
  updatedAt: string;
}

export interface ApprovalRecord {
  id: number;
  userId: string;
  version: number;
  decision: Decision;
  comment: string;
  at: string;
}

export interface SignOffRecord {
  assessmentId: string;
  approvedVersion: number;
  version: number;
  approvers: string[];
  attestationId: string | null;
  at: string;
}

const ids = (text: string): string[] => JSON.parse(text) as string[];

export async function getProfile(db: Db, assessmentId: string): Promise<StoredProfile | undefined> {
  const row = await db
    .selectFrom('assurance_profiles')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return row
    ? {
        evidenceFromLevel: Number(row.evidence_from_level),
        approvers: ids(row.approvers),
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    : undefined;
}

export async function saveProfile(
  trx: Db,
  assessmentId: string,
  profile: AssuranceProfile,
  by: string,
  at: string,
): Promise<void> {
  const values = {
    evidence_from_level: profile.evidenceFromLevel,
    approvers: JSON.stringify(profile.approvers),
    updated_by: by,
    updated_at: at,
  };
  await trx
    .insertInto('assurance_profiles')
    .values({ assessment_id: assessmentId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

export async function insertApproval(
  trx: Db,
  assessmentId: string,
  approval: Omit<ApprovalRecord, 'id'>,
): Promise<ApprovalRecord> {
  const row = await trx
    .insertInto('approvals')
    .values({
      assessment_id: assessmentId,
      version: approval.version,
      user_id: approval.userId,
      decision: approval.decision,
      comment: approval.comment,
      at: approval.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), ...approval };
}

/** Every decision on the assessment, oldest first (ids grow with each insert). */
export async function listApprovals(db: Db, assessmentId: string): Promise<ApprovalRecord[]> {
  const rows = await db
    .selectFrom('approvals')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    userId: row.user_id,
    version: Number(row.version),
    decision: row.decision,
    comment: row.comment,
    at: row.at,
  }));
}

/** The accounts that wrote at least one rating revision of the assessment. */
export async function ratersOf(db: Db, assessmentId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('revisions')
    .select('actor_user_id')
    .distinct()
    .where('assessment_id', '=', assessmentId)
    .where('kind', 'in', [...RATING_KINDS])
    .execute();
  return new Set(rows.map((r) => r.actor_user_id));
}

export async function getSignOff(db: Db, assessmentId: string): Promise<SignOffRecord | undefined> {
  const row = await db
    .selectFrom('sign_offs')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return row
    ? {
        assessmentId: row.assessment_id,
        approvedVersion: Number(row.approved_version),
        version: Number(row.version),
        approvers: ids(row.approvers),
        attestationId: row.attestation_id,
        at: row.at,
      }
    : undefined;
}

/** Writes the row that freezes the assessment: the last write of the sign-off transaction. */
export async function insertSignOff(trx: Db, orgId: string, signOff: SignOffRecord): Promise<void> {
  await trx
    .insertInto('sign_offs')
    .values({
      assessment_id: signOff.assessmentId,
      org_id: orgId,
      approved_version: signOff.approvedVersion,
      version: signOff.version,
      approvers: JSON.stringify(signOff.approvers),
      attestation_id: signOff.attestationId,
      at: signOff.at,
    })
    .execute();
}

/** Display names of accounts, for the attestation's sign-off claims. */
export async function userNames(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Members of the organisation among `userIds`. */
export async function membersAmong(db: Db, orgId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', 'in', [...userIds])
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
