/**
 * Migration 010 on both databases: once an assessment is signed off, the database refuses
 * direct INSERT, UPDATE and DELETE on its workflow and on-site rows (participants, statements,
 * reviews, questions, respondent ratings, consensus, registers, interviewees, workshops,
 * their items and votes) and on its correction links, while a correction can still be made,
 * and the same statements still work on an assessment that is not signed off.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSignedOffViolation } from '../../src/persistence/dialect.js';
import { migrateDown, migrateToLatest } from '../../src/persistence/migrate.js';
import type { Database } from '../../src/persistence/schema.js';
import { DIALECTS } from '../support/databases.js';
import {
  autosave,
  call,
  createAssessment,
  createWorld,
  errorOf,
  level,
  SPONSOR,
  type World,
} from './assessments-support.js';
import { ARCH, seededAndSignedOff, seedRows, type Seeded } from './assurance-gaps-support.js';

const TABLES = [
  'assessment_participants',
  'participant_statements',
  'requirement_reviews',
  'requirement_questions',
  'respondent_ratings',
  'requirement_consensus',
  'onsite_contacts',
  'onsite_artifacts',
  'onsite_interviews',
  'onsite_interviewees',
  'workshops',
  'workshop_items',
  'workshop_votes',
] as const;
type Table = (typeof TABLES)[number];
const AT = '2026-03-02T10:00:00.000Z';

type Write = () => Promise<unknown>;

/** One INSERT, UPDATE and DELETE per table, aimed at the rows `seedRows` wrote for `s`. */
function writes(
  db: Kysely<Database>,
  w: World,
  s: Seeded,
): Record<Table, { insert: Write; update: Write; delete: Write }> {
  const { id } = s;
  const { orgId, owner, viewer } = w.a;
  const register = { org_id: orgId, assessment_id: id, requirement_keys: '[]', created_by: owner.userId };
  const times = { created_at: AT, updated_at: AT };
  return {
    assessment_participants: {
      insert: () =>
        db
          .insertInto('assessment_participants')
          .values({
            assessment_id: id,
            user_id: viewer.userId,
            role: 'reviewer',
            added_by: owner.userId,
            added_at: AT,
          })
          .execute(),
      update: () =>
        db
          .updateTable('assessment_participants')
          .set({ role: 'approver' })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('assessment_participants').where('assessment_id', '=', id).execute(),
    },
    participant_statements: {
      insert: () =>
        db
          .insertInto('participant_statements')
          .values({
            assessment_id: id,
            user_id: viewer.userId,
            independence: 'i',
            qualification: 'q',
            stated_at: AT,
          })
          .execute(),
      update: () =>
        db
          .updateTable('participant_statements')
          .set({ independence: 'none' })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('participant_statements').where('assessment_id', '=', id).execute(),
    },
    requirement_reviews: {
      insert: () =>
        db
          .insertInto('requirement_reviews')
          .values({
            assessment_id: id,
            requirement_key: ARCH,
            status: 'reviewed-supports',
            comment: null,
            reviewed_by: viewer.userId,
            reviewed_at: AT,
          })
          .execute(),
      update: () =>
        db
          .updateTable('requirement_reviews')
          .set({ status: 'reviewed-does-not-support' })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('requirement_reviews').where('assessment_id', '=', id).execute(),
    },
    requirement_questions: {
      insert: () =>
        db
          .insertInto('requirement_questions')
          .values({
            id: `${s.questionId}-2`,
            assessment_id: id,
            requirement_key: ARCH,
            question: 'Late question',
            asked_by: viewer.userId,
            asked_at: AT,
            status: 'open',
            answer: null,
            answered_by: null,
            answered_at: null,
          })
          .execute(),
      update: () =>
        db
          .updateTable('requirement_questions')
          .set({ status: 'answered', answer: 'rewritten', answered_by: viewer.userId, answered_at: AT })
          .where('id', '=', s.questionId)
          .execute(),
      delete: () => db.deleteFrom('requirement_questions').where('assessment_id', '=', id).execute(),
    },
    respondent_ratings: {
      insert: () =>
        db
          .insertInto('respondent_ratings')
          .values({
            assessment_id: id,
            requirement_key: SPONSOR,
            user_id: viewer.userId,
            level: 5,
            note: null,
            updated_at: AT,
          })
          .execute(),
      update: () =>
        db.updateTable('respondent_ratings').set({ level: 5 }).where('assessment_id', '=', id).execute(),
      delete: () => db.deleteFrom('respondent_ratings').where('assessment_id', '=', id).execute(),
    },
    requirement_consensus: {
      insert: () =>
        db
          .insertInto('requirement_consensus')
          .values({
            assessment_id: id,
            requirement_key: ARCH,
            level: 4,
            note: null,
            version: 9,
            decided_by: viewer.userId,
            decided_at: AT,
          })
          .execute(),
      update: () =>
        db.updateTable('requirement_consensus').set({ level: 5 }).where('assessment_id', '=', id).execute(),
      delete: () => db.deleteFrom('requirement_consensus').where('assessment_id', '=', id).execute(),
    },
    onsite_contacts: {
      insert: () =>
        db
          .insertInto('onsite_contacts')
          .values({ ...register, ...times, id: `${s.freeContactId}-2`, name: 'Eve', role: '', team: '' })
          .execute(),
      update: () =>
        db.updateTable('onsite_contacts').set({ name: 'Mallory' }).where('assessment_id', '=', id).execute(),
      // The contact no interview names: the foreign key would refuse the other one anyway.
      delete: () => db.deleteFrom('onsite_contacts').where('id', '=', s.freeContactId).execute(),
    },
    onsite_artifacts: {
      insert: () =>
        db
          .insertInto('onsite_artifacts')
          .values({
            ...register,
            ...times,
            id: `${s.artifactId}-2`,
            title: 'Late',
            owner: '',
            version: '',
            document_date: null,
            locator: '',
          })
          .execute(),
      update: () =>
        db
          .updateTable('onsite_artifacts')
          .set({ locator: 'elsewhere' })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('onsite_artifacts').where('assessment_id', '=', id).execute(),
    },
    onsite_interviews: {
      insert: () =>
        db
          .insertInto('onsite_interviews')
          .values({ ...register, ...times, id: `${s.interviewId}-2`, held_on: '2026-03-02', notes: '' })
          .execute(),
      update: () =>
        db
          .updateTable('onsite_interviews')
          .set({ notes: 'rewritten' })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('onsite_interviews').where('assessment_id', '=', id).execute(),
    },
    onsite_interviewees: {
      insert: () =>
        db
          .insertInto('onsite_interviewees')
          .values({ interview_id: s.interviewId, contact_id: s.freeContactId, position: 1 })
          .execute(),
      update: () =>
        db
          .updateTable('onsite_interviewees')
          .set({ position: 7 })
          .where('interview_id', '=', s.interviewId)
          .execute(),
      delete: () => db.deleteFrom('onsite_interviewees').where('interview_id', '=', s.interviewId).execute(),
    },
    workshops: {
      insert: () =>
        db
          .insertInto('workshops')
          .values({
            id: `${s.workshopId}-2`,
            org_id: orgId,
            assessment_id: id,
            title: 'Late',
            facilitator_user_id: owner.userId,
            status: 'open',
            current_key: null,
            opened_at: AT,
            closed_at: null,
          })
          .execute(),
      update: () =>
        db
          .updateTable('workshops')
          .set({ status: 'closed', closed_at: AT })
          .where('assessment_id', '=', id)
          .execute(),
      delete: () => db.deleteFrom('workshops').where('assessment_id', '=', id).execute(),
    },
    workshop_items: {
      insert: () =>
        db
          .insertInto('workshop_items')
          .values({
            workshop_id: s.workshopId,
            requirement_key: ARCH,
            position: 1,
            started_at: AT,
            agreed_level: null,
            notes: null,
            agreed_by: null,
            agreed_at: null,
            agreed_version: null,
          })
          .execute(),
      update: () =>
        db
          .updateTable('workshop_items')
          .set({ agreed_level: 5, notes: 'late' })
          .where('workshop_id', '=', s.workshopId)
          .execute(),
      delete: () => db.deleteFrom('workshop_items').where('workshop_id', '=', s.workshopId).execute(),
    },
    workshop_votes: {
      insert: () =>
        db
          .insertInto('workshop_votes')
          .values({
            workshop_id: s.workshopId,
            requirement_key: SPONSOR,
            participant_key: 'named:someone',
            participant_name: 'someone',
            user_id: null,
            level: 4,
            entered_by: owner.userId,
            at: AT,
          })
          .execute(),
      update: () =>
        db.updateTable('workshop_votes').set({ level: 1 }).where('workshop_id', '=', s.workshopId).execute(),
      delete: () => db.deleteFrom('workshop_votes').where('workshop_id', '=', s.workshopId).execute(),
    },
  };
}

/** Every row of every frozen table (and the correction links), in a stable order. */
async function everything(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const table of [...TABLES, 'corrections'] as const) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const failure = (write: Write) =>
  write().then(
    () => undefined,
    (e: unknown) => e,
  );

describe.each(DIALECTS)('frozen workflow and on-site rows on %s', (dialect) => {
  let w: World;
  let frozen: Seeded;
  let open: Seeded;
  const db = () => w.database.handle.db;
  beforeAll(async () => {
    w = await createWorld(dialect);
    ({ seeded: frozen } = await seededAndSignedOff(w));
    const other = await createAssessment(w.app, w.a.assessor, w.a.orgId);
    open = await seedRows(w, other);
  });
  afterAll(() => w.close());

  it('refuses every direct INSERT, UPDATE and DELETE once signed off, and changes nothing', async () => {
    const before = await everything(db());
    const all = writes(db(), w, frozen);
    for (const table of TABLES) {
      for (const op of ['insert', 'update', 'delete'] as const) {
        const error = await failure(all[table][op]);
        expect([table, op, isSignedOffViolation(error)], String(error)).toEqual([table, op, true]);
      }
    }
    // Nor can a row of another assessment be moved into the frozen one (questions: no key clash).
    const moved = await failure(() =>
      db()
        .updateTable('requirement_questions')
        .set({ assessment_id: frozen.id })
        .where('assessment_id', '=', open.id)
        .execute(),
    );
    expect(isSignedOffViolation(moved), String(moved)).toBe(true);
    expect(await everything(db())).toEqual(before);
  });

  it('answers 409 through the API as well', async () => {
    // The registers' API checks the status first; the status is final, so both layers agree.
    const response = await call(
      w.app,
      w.a.owner,
      'DELETE',
      `/assessments/${frozen.id}/contacts/${frozen.freeContactId}`,
    );
    expect(response.statusCode, response.body).toBe(409);
    expect(errorOf(response).code).toBe('READ_ONLY');
  });

  it('leaves the same rows of an assessment that is not signed off writable', async () => {
    const all = writes(db(), w, open);
    const count = async (table: Table) => (await db().selectFrom(table).selectAll().execute()).length;
    const counts = async () =>
      new Map(await Promise.all(TABLES.map(async (t) => [t, await count(t)] as const)));
    const before = await counts();
    for (const table of TABLES) await all[table].insert();
    for (const table of TABLES) await all[table].update();
    const grown = await counts();
    for (const table of TABLES)
      expect([table, grown.get(table)]).toEqual([table, (before.get(table) ?? 0) + 1]);
    const changed = await db()
      .selectFrom('workshop_votes')
      .select('level')
      .where('workshop_id', '=', open.workshopId)
      .execute();
    expect(changed.map((v) => v.level)).toEqual([1, 1]);
    // Children first, so no foreign key stands in the way.
    for (const table of [...TABLES].reverse()) await all[table].delete();
    // The seeded row and the inserted one are gone; the signed-off assessment's row stays.
    for (const table of ['workshop_votes', 'onsite_interviewees'] as const)
      expect(await count(table)).toBe((before.get(table) ?? 0) - 1);
  });

  it('still creates a correction; its link is then fixed until the correcting draft itself goes', async () => {
    const created = await call(w.app, w.a.owner, 'POST', `/assessments/${frozen.id}/corrections`, {
      payload: { reason: 'wrong requirement' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { correctionId } = created.json<{ correctionId: string }>();
    const links = () =>
      db().selectFrom('corrections').selectAll().where('original_id', '=', frozen.id).execute();
    const linked = await links();
    expect(linked.map((l) => [l.correction_id, l.reason])).toEqual([[correctionId, 'wrong requirement']]);
    for (const write of [
      () =>
        db()
          .updateTable('corrections')
          .set({ reason: 'rewritten' })
          .where('original_id', '=', frozen.id)
          .execute(),
      () => db().deleteFrom('corrections').where('original_id', '=', frozen.id).execute(),
    ]) {
      const error = await failure(write);
      expect(isSignedOffViolation(error), String(error)).toBe(true);
    }
    expect(await links()).toEqual(linked);
    // The correcting draft is an ordinary assessment: it changes, and it can be deleted with its link.
    expect((await autosave(w.app, w.a.assessor, correctionId, 1, level(SPONSOR, 1))).statusCode).toBe(200);
    const removed = await call(w.app, w.a.owner, 'DELETE', `/assessments/${correctionId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await links()).toEqual([]);
  });
});

describe.each(DIALECTS)('migration 010 on %s', (dialect) => {
  it('rolls back to the triggers of 009 alone, and applies again', async () => {
    const w = await createWorld(dialect);
    try {
      const { seeded } = await seededAndSignedOff(w);
      const db = w.database.handle.db;
      const review = () =>
        failure(() =>
          db
            .updateTable('requirement_reviews')
            .set({ comment: 'x' })
            .where('assessment_id', '=', seeded.id)
            .execute(),
        );
      const title = () =>
        failure(() =>
          db.updateTable('assessments').set({ title: 'x' }).where('id', '=', seeded.id).execute(),
        );
      expect(isSignedOffViolation(await review())).toBe(true);
      expect(await migrateDown(db as never, dialect)).toEqual({ applied: ['010-freeze-assurance'] });
      expect(await review()).toBeUndefined();
      expect(isSignedOffViolation(await title())).toBe(true);
      expect(await migrateToLatest(db as never, dialect)).toEqual({ applied: ['010-freeze-assurance'] });
      expect(isSignedOffViolation(await review())).toBe(true);
    } finally {
      await w.close();
    }
  });
});
