import type { Kysely } from 'kysely';
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

export async function insertEvidence(db: Kysely<Database>, evidence: NewEvidence): Promise<EvidenceRecord> {
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

export async function deleteEvidence(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('evidence').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
