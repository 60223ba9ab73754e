import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../schema.js';
import { appendLog, sha256Hex } from '../assessment-log.js';

/**
 * What one revision changed, in document terms: the path of the entry it replaced and the
 * entry before and after (null = absent). An empty path means the top-level keys of `before`
 * and `after` (a whole document for create, import and restore; a few metadata fields
 * otherwise). Entries are whole (a requirement answer, the scope), so replaying `before`
 * backwards rebuilds any earlier version exactly.
 */
export interface RevisionChange {
  path: string[];
  before: unknown;
  after: unknown;
}

export interface RevisionRecord {
  version: number;
  actorUserId: string;
  actorEmail: string | null;
  at: string;
  kind: string;
  change: RevisionChange;
}

export interface NewRevision {
  assessmentId: string;
  orgId: string;
  version: number;
  actor: string;
  at: string;
  kind: string;
  change: RevisionChange;
  /** The document text stored with this version, so the log can vouch for it. */
  documentText: string;
}

/** Stores a revision and appends it, by digest, to the assessment's hash-chained log. */
export async function insertRevision(trx: Transaction<Database> | Kysely<Database>, revision: NewRevision) {
  // JSON has no undefined: an absent value is stored as null.
  const change = JSON.stringify({
    path: revision.change.path,
    before: revision.change.before ?? null,
    after: revision.change.after ?? null,
  });
  await trx
    .insertInto('revisions')
    .values({
      assessment_id: revision.assessmentId,
      org_id: revision.orgId,
      version: revision.version,
      actor_user_id: revision.actor,
      at: revision.at,
      kind: revision.kind,
      change,
    })
    .execute();
  await appendLog(trx, {
    assessmentId: revision.assessmentId,
    orgId: revision.orgId,
    at: revision.at,
    actor: revision.actor,
    event: 'revision',
    detail: {
      version: revision.version,
      kind: revision.kind,
      change: sha256Hex(change),
      document: sha256Hex(revision.documentText),
    },
  });
}

function revisionQuery(db: Kysely<Database>, assessmentId: string) {
  return db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.actor_user_id')
    .select([
      'revisions.version',
      'revisions.actor_user_id',
      'users.email',
      'revisions.at',
      'revisions.kind',
      'revisions.change',
    ])
    .where('revisions.assessment_id', '=', assessmentId);
}

type RevisionRow = {
  version: number;
  actor_user_id: string;
  email: string | null;
  at: string;
  kind: string;
  change: string;
};

function toRecord(row: RevisionRow): RevisionRecord {
  return {
    version: Number(row.version),
    actorUserId: row.actor_user_id,
    actorEmail: row.email,
    at: row.at,
    kind: row.kind,
    change: JSON.parse(row.change) as RevisionChange,
  };
}

/** Every revision of an assessment, oldest first. */
export async function listRevisions(db: Kysely<Database>, assessmentId: string): Promise<RevisionRecord[]> {
  const rows = await revisionQuery(db, assessmentId).orderBy('revisions.version', 'asc').execute();
  return rows.map(toRecord);
}

/** The revisions made after `version`, newest first: the order in which to undo them. */
export async function revisionsAfter(
  db: Kysely<Database>,
  assessmentId: string,
  version: number,
): Promise<RevisionRecord[]> {
  const rows = await revisionQuery(db, assessmentId)
    .where('revisions.version', '>', version)
    .orderBy('revisions.version', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function getRevision(
  db: Kysely<Database>,
  assessmentId: string,
  version: number,
): Promise<RevisionRecord | undefined> {
  const row = await revisionQuery(db, assessmentId)
    .where('revisions.version', '=', version)
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}
