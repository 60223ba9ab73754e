import type { Kysely, Transaction } from 'kysely';
import type { Database, WorkshopItemTable, WorkshopTable, WorkshopVoteTable } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface WorkshopRecord {
  id: string;
  orgId: string;
  assessmentId: string;
  title: string;
  facilitatorUserId: string;
  status: WorkshopTable['status'];
  currentKey: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface WorkshopItemRecord {
  key: string;
  position: number;
  startedAt: string;
  agreedLevel: number | null;
  notes: string | null;
  agreedBy: string | null;
  agreedAt: string | null;
  agreedVersion: number | null;
}

export interface VoteRecord {
  key: string;
  participantKey: string;
  participantName: string;
  /** Set when the member voted from their own device; null for a name the facilitator typed in. */
  userId: string | null;
  level: number;
  enteredBy: string;
  at: string;
}

const toWorkshop = (row: WorkshopTable): WorkshopRecord => ({
  id: row.id,
  orgId: row.org_id,
  assessmentId: row.assessment_id,
  title: row.title,
  facilitatorUserId: row.facilitator_user_id,
  status: row.status,
  currentKey: row.current_key,
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

const toItem = (row: WorkshopItemTable): WorkshopItemRecord => ({
  key: row.requirement_key,
  position: Number(row.position),
  startedAt: row.started_at,
  agreedLevel: row.agreed_level === null ? null : Number(row.agreed_level),
  notes: row.notes,
  agreedBy: row.agreed_by,
  agreedAt: row.agreed_at,
  agreedVersion: row.agreed_version === null ? null : Number(row.agreed_version),
});

const toVote = (row: WorkshopVoteTable): VoteRecord => ({
  key: row.requirement_key,
  participantKey: row.participant_key,
  participantName: row.participant_name,
  userId: row.user_id,
  level: Number(row.level),
  enteredBy: row.entered_by,
  at: row.at,
});

export async function insertWorkshop(db: Db, record: WorkshopRecord): Promise<void> {
  await db
    .insertInto('workshops')
    .values({
      id: record.id,
      org_id: record.orgId,
      assessment_id: record.assessmentId,
      title: record.title,
      facilitator_user_id: record.facilitatorUserId,
      status: record.status,
      current_key: record.currentKey,
      opened_at: record.openedAt,
      closed_at: record.closedAt,
    })
    .execute();
}

export async function getWorkshop(db: Db, id: string): Promise<WorkshopRecord | undefined> {
  const row = await db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWorkshop(row) : undefined;
}

export async function listWorkshops(db: Db, assessmentId: string): Promise<WorkshopRecord[]> {
  const rows = await db
    .selectFrom('workshops')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('opened_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toWorkshop);
}

export async function listItems(db: Db, workshopId: string): Promise<WorkshopItemRecord[]> {
  const rows = await db
    .selectFrom('workshop_items')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .orderBy('position')
    .execute();
  return rows.map(toItem);
}

export async function listVotes(db: Db, workshopId: string): Promise<VoteRecord[]> {
  const rows = await db
    .selectFrom('workshop_votes')
    .selectAll()
    .where('workshop_id', '=', workshopId)
    .orderBy('at')
    .orderBy('participant_key')
    .execute();
  return rows.map(toVote);
}

/**
 * Locks an open workshop's row for the rest of the transaction and says whether it is still
 * open (and, when `currentKey` is given, still on that requirement). A vote or an agreement and
 * the closing of the workshop thus happen one after the other, never interleaved.
 */
export async function lockOpenWorkshop(db: Db, id: string, currentKey?: string): Promise<boolean> {
  let query = db
    .updateTable('workshops')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', id)
    .where('status', '=', 'open');
  if (currentKey !== undefined) query = query.where('current_key', '=', currentKey);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Makes `key` the current requirement, adding it as the next item the first time it comes up. */
export async function setCurrentItem(db: Db, workshopId: string, key: string, at: string): Promise<void> {
  const existing = await db
    .selectFrom('workshop_items')
    .select('position')
    .where('workshop_id', '=', workshopId)
    .where('requirement_key', '=', key)
    .executeTakeFirst();
  if (!existing) {
    const last = await db
      .selectFrom('workshop_items')
      .select((eb) => eb.fn.max('position').as('last'))
      .where('workshop_id', '=', workshopId)
      .executeTakeFirst();
    await db
      .insertInto('workshop_items')
      .values({
        workshop_id: workshopId,
        requirement_key: key,
        position: Number(last?.last ?? 0) + 1,
        started_at: at,
        agreed_level: null,
        notes: null,
        agreed_by: null,
        agreed_at: null,
        agreed_version: null,
      })
      .execute();
  }
  await db.updateTable('workshops').set({ current_key: key }).where('id', '=', workshopId).execute();
}

/** Records a vote; a participant's second vote on the same requirement replaces the first. */
export async function putVote(db: Db, workshopId: string, vote: VoteRecord): Promise<void> {
  const values = {
    workshop_id: workshopId,
    requirement_key: vote.key,
    participant_key: vote.participantKey,
    participant_name: vote.participantName,
    user_id: vote.userId,
    level: vote.level,
    entered_by: vote.enteredBy,
    at: vote.at,
  };
  await db
    .insertInto('workshop_votes')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['workshop_id', 'requirement_key', 'participant_key']).doUpdateSet({
        participant_name: vote.participantName,
        level: vote.level,
        entered_by: vote.enteredBy,
        at: vote.at,
      }),
    )
    .execute();
}

export async function agreeItem(
  db: Db,
  workshopId: string,
  key: string,
  agreement: { level: number; notes: string; by: string; at: string; version: number },
): Promise<void> {
  await db
    .updateTable('workshop_items')
    .set({
      agreed_level: agreement.level,
      notes: agreement.notes,
      agreed_by: agreement.by,
      agreed_at: agreement.at,
      agreed_version: agreement.version,
    })
    .where('workshop_id', '=', workshopId)
    .where('requirement_key', '=', key)
    .execute();
}

export async function closeWorkshop(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('workshops').set({ status: 'closed', closed_at: at }).where('id', '=', id).execute();
}
