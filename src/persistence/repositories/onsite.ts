import type { Kysely, Transaction } from 'kysely';
import type {
  ArtifactFields,
  ContactFields,
  InterviewFields,
} from '../../core/assurance/onsite/registers.js';
import type { Database, OnsiteArtifactTable, OnsiteContactTable, OnsiteInterviewTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What every register entry carries besides its own fields. */
export interface RegisterMeta {
  id: string;
  orgId: string;
  assessmentId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type ContactRecord = RegisterMeta & ContactFields;
export type ArtifactRecord = RegisterMeta & ArtifactFields;
export type InterviewRecord = RegisterMeta & InterviewFields;

const metaOf = (row: OnsiteContactTable | OnsiteArtifactTable | OnsiteInterviewTable): RegisterMeta => ({
  id: row.id,
  orgId: row.org_id,
  assessmentId: row.assessment_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const metaColumns = (meta: RegisterMeta, requirements: string[]) => ({
  id: meta.id,
  org_id: meta.orgId,
  assessment_id: meta.assessmentId,
  requirement_keys: JSON.stringify(requirements),
  created_by: meta.createdBy,
  created_at: meta.createdAt,
  updated_at: meta.updatedAt,
});

const keysOf = (text: string) => JSON.parse(text) as string[];

const toContact = (row: OnsiteContactTable): ContactRecord => ({
  ...metaOf(row),
  name: row.name,
  role: row.role,
  team: row.team,
  requirements: keysOf(row.requirement_keys),
});

const toArtifact = (row: OnsiteArtifactTable): ArtifactRecord => ({
  ...metaOf(row),
  title: row.title,
  owner: row.owner,
  version: row.version,
  date: row.document_date,
  locator: row.locator,
  requirements: keysOf(row.requirement_keys),
});

// Entries are listed in the order they were made; the id breaks ties within one millisecond.

export async function listContacts(db: Db, assessmentId: string): Promise<ContactRecord[]> {
  const rows = await db
    .selectFrom('onsite_contacts')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function insertContact(db: Db, record: ContactRecord): Promise<void> {
  await db
    .insertInto('onsite_contacts')
    .values({
      ...metaColumns(record, record.requirements),
      name: record.name,
      role: record.role,
      team: record.team,
    })
    .execute();
}

export async function updateContact(db: Db, id: string, fields: ContactFields, at: string): Promise<void> {
  await db
    .updateTable('onsite_contacts')
    .set({
      name: fields.name,
      role: fields.role,
      team: fields.team,
      requirement_keys: JSON.stringify(fields.requirements),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.deleteFrom('onsite_contacts').where('id', '=', id).execute();
}

/** How many interviews name a contact as interviewee. */
export async function interviewsOfContact(db: Db, contactId: string): Promise<number> {
  const row = await db
    .selectFrom('onsite_interviewees')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listArtifacts(db: Db, assessmentId: string): Promise<ArtifactRecord[]> {
  const rows = await db
    .selectFrom('onsite_artifacts')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toArtifact);
}

const artifactColumns = (fields: ArtifactFields) => ({
  title: fields.title,
  owner: fields.owner,
  version: fields.version,
  document_date: fields.date,
  locator: fields.locator,
});

export async function insertArtifact(db: Db, record: ArtifactRecord): Promise<void> {
  await db
    .insertInto('onsite_artifacts')
    .values({ ...metaColumns(record, record.requirements), ...artifactColumns(record) })
    .execute();
}

export async function updateArtifact(db: Db, id: string, fields: ArtifactFields, at: string): Promise<void> {
  await db
    .updateTable('onsite_artifacts')
    .set({
      ...artifactColumns(fields),
      requirement_keys: JSON.stringify(fields.requirements),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteArtifact(db: Db, id: string): Promise<void> {
  await db.deleteFrom('onsite_artifacts').where('id', '=', id).execute();
}

/** Interviews with their interviewees in the order they were given. */
export async function listInterviews(db: Db, assessmentId: string): Promise<InterviewRecord[]> {
  const rows = await db
    .selectFrom('onsite_interviews')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const people = await db
    .selectFrom('onsite_interviewees')
    .select(['interview_id', 'contact_id'])
    .where(
      'interview_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('interview_id')
    .orderBy('position')
    .execute();
  const byInterview = new Map<string, string[]>();
  for (const p of people) {
    const list = byInterview.get(p.interview_id) ?? [];
    list.push(p.contact_id);
    byInterview.set(p.interview_id, list);
  }
  return rows.map((row) => ({
    ...metaOf(row),
    date: row.held_on,
    interviewees: byInterview.get(row.id) ?? [],
    requirements: keysOf(row.requirement_keys),
    notes: row.notes,
  }));
}

async function setInterviewees(db: Db, interviewId: string, contactIds: string[]): Promise<void> {
  await db.deleteFrom('onsite_interviewees').where('interview_id', '=', interviewId).execute();
  if (contactIds.length === 0) return;
  await db
    .insertInto('onsite_interviewees')
    .values(
      contactIds.map((contactId, position) => ({
        interview_id: interviewId,
        contact_id: contactId,
        position,
      })),
    )
    .execute();
}

export async function insertInterview(db: Db, record: InterviewRecord): Promise<void> {
  await db
    .insertInto('onsite_interviews')
    .values({ ...metaColumns(record, record.requirements), held_on: record.date, notes: record.notes })
    .execute();
  await setInterviewees(db, record.id, record.interviewees);
}

export async function updateInterview(
  db: Db,
  id: string,
  fields: InterviewFields,
  at: string,
): Promise<void> {
  await db
    .updateTable('onsite_interviews')
    .set({
      held_on: fields.date,
      notes: fields.notes,
      requirement_keys: JSON.stringify(fields.requirements),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
  await setInterviewees(db, id, fields.interviewees);
}

export async function deleteInterview(db: Db, id: string): Promise<void> {
  await db.deleteFrom('onsite_interviews').where('id', '=', id).execute();
}
