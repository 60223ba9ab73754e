/**
 * Shared set-up for the assurance gap tests: an assessment with one row in every workflow and
 * on-site table, written straight into the database (the API's own checks are tested
 * elsewhere), carried to a sign-off through the API; and a trigger a test installs to make
 * one write fail on purpose, on either database.
 */
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DialectName } from '../../src/persistence/dialect.js';
import type { Database } from '../../src/persistence/schema.js';
import { autosave, createAssessment, level, SPONSOR, type World } from './assessments-support.js';
import {
  decide,
  moveTo,
  setProfile,
  type ApprovalOutcomeBody,
  type SignOffBody,
} from './assurance-signoff-support.js';

export const ARCH = 'G.strategy-and-vision.architecture';
const AT = '2026-03-01T10:00:00.000Z';

/** The ids of the rows `seedRows` wrote for one assessment. */
export interface Seeded {
  id: string;
  questionId: string;
  /** A contact an interview names, and one nobody names (free to delete). */
  boundContactId: string;
  freeContactId: string;
  artifactId: string;
  interviewId: string;
  workshopId: string;
}

/** One row in each of the tables migration 010 freezes, for assessment `id`. */
export async function seedRows(w: World, id: string): Promise<Seeded> {
  const db = w.database.handle.db;
  const { orgId, owner, assessor, viewer, contributor } = w.a;
  const s: Seeded = {
    id,
    questionId: `q-${id}`,
    boundContactId: `c1-${id}`,
    freeContactId: `c2-${id}`,
    artifactId: `a-${id}`,
    interviewId: `i-${id}`,
    workshopId: `w-${id}`,
  };
  await db
    .insertInto('assessment_participants')
    .values({
      assessment_id: id,
      user_id: assessor.userId,
      role: 'assessor',
      added_by: owner.userId,
      added_at: AT,
    })
    .execute();
  await db
    .insertInto('participant_statements')
    .values({
      assessment_id: id,
      user_id: assessor.userId,
      independence: 'independent',
      qualification: 'qualified',
      stated_at: AT,
    })
    .execute();
  await db
    .insertInto('requirement_reviews')
    .values({
      assessment_id: id,
      requirement_key: SPONSOR,
      status: 'reviewed-supports',
      comment: null,
      reviewed_by: assessor.userId,
      reviewed_at: AT,
    })
    .execute();
  await db
    .insertInto('requirement_questions')
    .values({
      id: s.questionId,
      assessment_id: id,
      requirement_key: SPONSOR,
      question: 'Who sponsors it?',
      asked_by: assessor.userId,
      asked_at: AT,
      status: 'open',
      answer: null,
      answered_by: null,
      answered_at: null,
    })
    .execute();
  await db
    .insertInto('respondent_ratings')
    .values({
      assessment_id: id,
      requirement_key: SPONSOR,
      user_id: contributor.userId,
      level: 2,
      note: null,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('requirement_consensus')
    .values({
      assessment_id: id,
      requirement_key: SPONSOR,
      level: 2,
      note: null,
      version: 2,
      decided_by: assessor.userId,
      decided_at: AT,
    })
    .execute();
  const register = { org_id: orgId, assessment_id: id, requirement_keys: '[]', created_by: owner.userId };
  const times = { created_at: AT, updated_at: AT };
  for (const contactId of [s.boundContactId, s.freeContactId]) {
    await db
      .insertInto('onsite_contacts')
      .values({ ...register, ...times, id: contactId, name: 'Ada', role: 'CISO', team: 'Security' })
      .execute();
  }
  await db
    .insertInto('onsite_artifacts')
    .values({
      ...register,
      ...times,
      id: s.artifactId,
      title: 'CP/CPS',
      owner: 'PKI team',
      version: '1.0',
      document_date: null,
      locator: 'dms://cps',
    })
    .execute();
  await db
    .insertInto('onsite_interviews')
    .values({ ...register, ...times, id: s.interviewId, held_on: '2026-02-27', notes: 'notes' })
    .execute();
  await db
    .insertInto('onsite_interviewees')
    .values({ interview_id: s.interviewId, contact_id: s.boundContactId, position: 0 })
    .execute();
  await db
    .insertInto('workshops')
    .values({
      id: s.workshopId,
      org_id: orgId,
      assessment_id: id,
      title: 'Workshop',
      facilitator_user_id: assessor.userId,
      status: 'open',
      current_key: SPONSOR,
      opened_at: AT,
      closed_at: null,
    })
    .execute();
  await db
    .insertInto('workshop_items')
    .values({
      workshop_id: s.workshopId,
      requirement_key: SPONSOR,
      position: 0,
      started_at: AT,
      agreed_level: null,
      notes: null,
      agreed_by: null,
      agreed_at: null,
      agreed_version: null,
    })
    .execute();
  await db
    .insertInto('workshop_votes')
    .values({
      workshop_id: s.workshopId,
      requirement_key: SPONSOR,
      participant_key: `member:${viewer.userId}`,
      participant_name: 'viewer',
      user_id: viewer.userId,
      level: 2,
      entered_by: viewer.userId,
      at: AT,
    })
    .execute();
  return s;
}

/**
 * A formal assessment the assessor rated below the evidence level, with a row in every frozen
 * table, signed off by the owner and the viewer.
 */
export async function seededAndSignedOff(w: World): Promise<{ seeded: Seeded; signOff: SignOffBody }> {
  const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { type: 'formal' });
  expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
  const seeded = await seedRows(w, id);
  return { seeded, signOff: await signOff(w, id) };
}

/** Carries a rated assessment through review and both approvals. */
export async function signOff(w: World, id: string): Promise<SignOffBody> {
  await moveTo(w, w.a.owner, id, 'in-review');
  await setProfile(w, id, [w.a.owner, w.a.viewer]);
  expect((await decide(w, w.a.owner, id)).statusCode).toBe(201);
  const last = await decide(w, w.a.viewer, id);
  expect(last.statusCode, last.body).toBe(201);
  const done = last.json<ApprovalOutcomeBody>().signOff;
  if (!done) throw new Error(`the last approval did not sign off: ${last.body}`);
  return done;
}

/**
 * Installs a trigger that makes every `op` on `table` fail with `message`, and returns the
 * function that removes it. It stands for any failure after the first write of a transaction.
 */
export async function failingTrigger(
  db: Kysely<Database>,
  dialect: DialectName,
  table: string,
  op: 'INSERT' | 'UPDATE',
  message: string,
): Promise<() => Promise<void>> {
  const name = `test_fail_${table}`;
  if (dialect === 'sqlite') {
    await sql
      .raw(`CREATE TRIGGER ${name} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`)
      .execute(db);
    return async () => void (await sql.raw(`DROP TRIGGER ${name}`).execute(db));
  }
  await sql
    .raw(
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${message}'; END $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${name} BEFORE ${op} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
    .execute(db);
  return async () => void (await sql.raw(`DROP FUNCTION ${name}() CASCADE`).execute(db));
}
