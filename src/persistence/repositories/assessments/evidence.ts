import type { Kysely, Transaction } from 'kysely';
import { appendLog } from '../assessment-log.js';
import type { Database, EvidenceTable } from '../../schema.js';

export type EvidenceKind = EvidenceTable['kind'];

/** An evidence item without its bytes (lists never load file contents). */
export interface EvidenceRecord {
  id: string;
  orgId: string;
  assessmentId: string;
  kind: EvidenceKind;
  title: string;
  text: string | null;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  requirementKeys: string[];
  createdBy: string;
  createdAt: string;
}

export interface NewEvidence extends EvidenceRecord {
  content: Uint8Array | null;
}

const META = [
  'id',
  'org_id',
  'assessment_id',
  'kind',
  'title',
  'text',
  'url',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'requirement_keys',
  'created_by',
  'created_at',
] as const;

type EvidenceMetaRow = Pick<EvidenceTable, (typeof META)[number]>;

function toRecord(row: EvidenceMetaRow): EvidenceRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    assessmentId: row.assessment_id,
    kind: row.kind,
    title: row.title,
    text: row.text,
    url: row.url,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size === null ? null : Number(row.size),
    sha256: row.sha256,
    requirementKeys: JSON.parse(row.requirement_keys) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Stores an item and logs it in the assessment's chain; pass a transaction to keep both together. */
export async function insertEvidence(
  db: Kysely<Database> | Transaction<Database>,
  evidence: NewEvidence,
): Promise<EvidenceRecord> {
  await db
    .insertInto('evidence')
    .values({
      id: evidence.id,
      org_id: evidence.orgId,
      assessment_id: evidence.assessmentId,
      kind: evidence.kind,
      title: evidence.title,
      text: evidence.text,
      url: evidence.url,
      file_name: evidence.fileName,
      content_type: evidence.contentType,
      size: evidence.size,
      sha256: evidence.sha256,
      content: evidence.content,
      requirement_keys: JSON.stringify(evidence.requirementKeys),
      created_by: evidence.createdBy,
      created_at: evidence.createdAt,
    })
    .execute();
  await appendLog(db, {
    assessmentId: evidence.assessmentId,
    orgId: evidence.orgId,
    at: evidence.createdAt,
    actor: evidence.createdBy,
    event: 'evidence.added',
    detail: { evidence: evidence.id, kind: evidence.kind, title: evidence.title, sha256: evidence.sha256 },
  });
  const { content: _content, ...record } = evidence;
  return record;
}

/** An assessment's evidence, oldest first. */
export async function listEvidence(db: Kysely<Database>, assessmentId: string): Promise<EvidenceRecord[]> {
  const rows = await db
    .selectFrom('evidence')
    .select(META)
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRecord);
}

export async function getEvidence(db: Kysely<Database>, id: string): Promise<EvidenceRecord | undefined> {
  const row = await db.selectFrom('evidence').select(META).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The stored bytes of a file item (null for text and links). */
export async function getEvidenceContent(db: Kysely<Database>, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('evidence').select('content').where('id', '=', id).executeTakeFirst();
  return row?.content ?? null;
}

/** Removes an item and logs who did, in one transaction. */
export async function deleteEvidence(
  db: Kysely<Database>,
  id: string,
  by: { actor: string; at: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('evidence').select(META).where('id', '=', id).executeTakeFirst();
    if (!row) return false;
    await trx.deleteFrom('evidence').where('id', '=', id).execute();
    await appendLog(trx, {
      assessmentId: row.assessment_id,
      orgId: row.org_id,
      at: by.at,
      actor: by.actor,
      event: 'evidence.removed',
      detail: { evidence: id, kind: row.kind, title: row.title, sha256: row.sha256 },
    });
    return true;
  });
}
