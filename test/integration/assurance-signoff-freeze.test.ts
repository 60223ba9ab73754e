/**
 * A signed-off assessment is frozen on both databases: every write through the API is refused
 * with 409, and the database itself refuses direct SQL (the triggers of migration 009). A
 * correction is a new linked assessment; the original stays as it was and both stay visible.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_STATUSES } from '../../src/core/plans/plan.types.js';
import { isSignedOffViolation } from '../../src/persistence/dialect.js';
import { migrateDown, migrateToLatest } from '../../src/persistence/migrate.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  autosave,
  call,
  createWorld,
  errorOf,
  ifMatch,
  level,
  SPONSOR,
  type World,
} from './assessments-support.js';
import { decide, put, setProfile, signedOff, type SignOffBody } from './assurance-signoff-support.js';

const SIGNOFF_TABLES = new Set(['assurance_profiles', 'approvals', 'sign_offs', 'corrections']);

interface CorrectionBody {
  correctionId: string;
  originalId: string;
  title: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

describe.each(DIALECTS)('frozen after sign-off on %s', (dialect) => {
  let w: World;
  let id: string;
  let evidenceId: string;
  let signOff: SignOffBody;
  beforeAll(async () => {
    w = await createWorld(dialect);
    ({ id, evidenceId, signOff } = await signedOff(w));
  });
  afterAll(() => w.close());

  const db = () => w.database.handle.db;
  const snapshot = async () => ({
    row: await db().selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    revisions: (
      await db().selectFrom('revisions').select('version').where('assessment_id', '=', id).execute()
    ).length,
    log: (await db().selectFrom('assessment_log').select('seq').where('assessment_id', '=', id).execute())
      .length,
    evidence: (await db().selectFrom('evidence').select('id').where('assessment_id', '=', id).execute())
      .length,
  });

  it('refuses every write through the API with 409 and changes nothing', async () => {
    const before = await snapshot();
    const v = signOff.version;
    const attempts: [string, () => ReturnType<typeof call>][] = [
      ['autosave', () => autosave(w.app, w.a.assessor, id, v, level(SPONSOR, 1))],
      [
        'metadata',
        () =>
          call(w.app, w.a.owner, 'PATCH', `/assessments/${id}`, {
            payload: { title: 'x' },
            headers: ifMatch(v),
          }),
      ],
      [
        'reopen',
        () =>
          call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
            payload: { status: 'draft' },
            headers: ifMatch(v),
          }),
      ],
      ['delete', () => call(w.app, w.a.owner, 'DELETE', `/assessments/${id}`)],
      [
        'add evidence',
        () =>
          call(w.app, w.a.assessor, 'POST', `/assessments/${id}/evidence`, {
            payload: { kind: 'text', title: 'Late', text: 'x', requirements: [SPONSOR] },
          }),
      ],
      ['remove evidence', () => call(w.app, w.a.owner, 'DELETE', `/evidence/${evidenceId}`)],
      [
        'restore',
        () =>
          call(w.app, w.a.owner, 'POST', `/assessments/${id}/revisions/1/restore`, { headers: ifMatch(v) }),
      ],
      [
        'plan',
        () =>
          call(w.app, w.a.owner, 'POST', `/assessments/${id}/plans`, {
            payload: { subject: SPONSOR, status: PLAN_STATUSES[0] },
            headers: ifMatch(v),
          }),
      ],
      [
        'import',
        async () => {
          const current = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
          return call(w.app, w.a.owner, 'POST', `/assessments/${id}/import?mode=replace`, {
            payload: JSON.stringify(current.document),
            headers: { ...ifMatch(v), 'content-type': 'application/json' },
          });
        },
      ],
      ['approval', () => decide(w, w.a.owner, id, 'approve', v)],
      [
        'profile',
        () => put(w.app, w.a.owner, `/assessments/${id}/profile`, { evidenceFromLevel: 3, approvers: [] }),
      ],
      [
        'review',
        () =>
          put(w.app, w.a.assessor, `/assessments/${id}/reviews/${SPONSOR}`, { status: 'reviewed-supports' }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const response = await attempt();
      expect([what, response.statusCode], response.body).toEqual([what, 409]);
    }
    expect(await snapshot()).toEqual(before);
    expect(assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).status).toBe('final');
  });

  it('says why when the refusal comes from the database itself (reopening)', async () => {
    const reopen = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
      payload: { status: 'draft' },
      headers: ifMatch(signOff.version),
    });
    expect(errorOf(reopen)).toMatchObject({ code: 'READ_ONLY', message: 'assessment is signed off' });
  });

  it('refuses direct SQL on the assessment, its history, evidence, log and the sign-off row', async () => {
    const before = await snapshot();
    const statements = [
      sql`UPDATE assessments SET title = 'tampered' WHERE id = ${id}`,
      sql`UPDATE assessments SET status = 'draft' WHERE id = ${id}`,
      sql`DELETE FROM assessments WHERE id = ${id}`,
      sql`DELETE FROM revisions WHERE assessment_id = ${id}`,
      sql`UPDATE revisions SET kind = 'x' WHERE assessment_id = ${id}`,
      sql`INSERT INTO revisions (assessment_id, org_id, version, actor_user_id, at, kind, change)
          VALUES (${id}, ${w.a.orgId}, 99, ${w.a.owner.userId}, 'now', 'status', '{}')`,
      sql`DELETE FROM evidence WHERE assessment_id = ${id}`,
      sql`UPDATE assessment_log SET detail = '{}' WHERE assessment_id = ${id}`,
      sql`DELETE FROM assessment_log WHERE assessment_id = ${id}`,
      sql`DELETE FROM sign_offs WHERE assessment_id = ${id}`,
      sql`UPDATE sign_offs SET version = 1 WHERE assessment_id = ${id}`,
    ];
    for (const statement of statements) {
      const error = await statement.execute(db()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isSignedOffViolation(error), String(error)).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
    const stillSigned = await db()
      .selectFrom('sign_offs')
      .selectAll()
      .where('assessment_id', '=', id)
      .execute();
    expect(stillSigned).toHaveLength(1);
  });

  it('still lets an owner attest it again: an attestation changes nothing in the assessment', async () => {
    const before = await snapshot();
    const again = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/attestations`);
    expect(again.statusCode, again.body).toBe(201);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves other assessments writable', async () => {
    const other = (
      await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments`, {
        payload: { title: 'Other', model: { version: '2.0.0' }, mode: 'full' },
      })
    ).json<{ id: string }>().id;
    expect((await autosave(w.app, w.a.assessor, other, 1, level(SPONSOR, 2))).statusCode).toBe(200);
    await sql`UPDATE assessments SET title = 'renamed directly' WHERE id = ${other}`.execute(db());
    const renamed = await db()
      .selectFrom('assessments')
      .select('title')
      .where('id', '=', other)
      .executeTakeFirst();
    expect(renamed?.title).toBe('renamed directly');
  });

  describe('corrections', () => {
    it('only for a signed-off assessment and only by an owner', async () => {
      const draft = (
        await call(w.app, w.a.assessor, 'POST', `/orgs/${w.a.orgId}/assessments`, {
          payload: { title: 'Draft', model: { version: '2.0.0' }, mode: 'full' },
        })
      ).json<{ id: string }>().id;
      const notSigned = await call(w.app, w.a.owner, 'POST', `/assessments/${draft}/corrections`, {
        payload: { reason: 'typo' },
      });
      expect(notSigned.statusCode).toBe(409);
      for (const who of [w.a.assessor, w.a.viewer]) {
        const refused = await call(w.app, who, 'POST', `/assessments/${id}/corrections`, {
          payload: { reason: 'x' },
        });
        expect(refused.statusCode).toBe(403);
      }
      const blank = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/corrections`, {
        payload: { reason: ' ' },
      });
      expect(blank.statusCode).toBe(400);
      expect(
        (await call(w.app, w.b.owner, 'POST', `/assessments/${id}/corrections`, { payload: { reason: 'x' } }))
          .statusCode,
      ).toBe(404);
    });

    it('creates a linked draft copy at version 1; both stay visible and the original stays frozen', async () => {
      const original = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
      const before = await snapshot();
      const created = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/corrections`, {
        payload: { reason: 'the sponsor rating was entered for the wrong requirement' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const correction = created.json<CorrectionBody>();
      expect(correction).toMatchObject({
        originalId: id,
        title: `${original.title} (correction)`,
        reason: 'the sponsor rating was entered for the wrong requirement',
        createdBy: w.a.owner.userId,
      });
      const copy = assessmentOf(
        await call(w.app, w.a.viewer, 'GET', `/assessments/${correction.correctionId}`),
      );
      expect(copy).toMatchObject({ status: 'draft', version: 1, title: `${original.title} (correction)` });
      expect(copy.document.requirements).toEqual(original.document.requirements);
      expect(copy.document.type).toBe(original.document.type);

      const fromOriginal = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/corrections`)).json<{
        correctionOf: CorrectionBody | null;
        corrections: CorrectionBody[];
      }>();
      expect(fromOriginal.correctionOf).toBeNull();
      expect(fromOriginal.corrections.map((c) => [c.correctionId, c.title])).toEqual([
        [correction.correctionId, copy.title],
      ]);
      const fromCopy = (
        await call(w.app, w.a.viewer, 'GET', `/assessments/${correction.correctionId}/corrections`)
      ).json<{
        correctionOf: CorrectionBody | null;
        corrections: CorrectionBody[];
      }>();
      expect(fromCopy.correctionOf).toMatchObject({
        originalId: id,
        title: original.title,
        reason: correction.reason,
      });
      expect(fromCopy.corrections).toEqual([]);
      expect((await call(w.app, w.b.viewer, 'GET', `/assessments/${id}/corrections`)).statusCode).toBe(404);

      // The copy is an ordinary draft: it can change and, in time, be signed off itself.
      expect(
        (await autosave(w.app, w.a.assessor, correction.correctionId, 1, level(SPONSOR, 1))).statusCode,
      ).toBe(200);
      const log = (await call(w.app, w.a.viewer, 'GET', `/assessments/${correction.correctionId}/log`)).json<{
        entries: { event: string; detail: Record<string, unknown> }[];
      }>().entries;
      expect(log.map((e) => e.event)).toEqual(['revision', 'correction.created', 'revision']);
      expect(log[1]?.detail).toEqual({ originalId: id, reason: correction.reason });
      const verify = await call(
        w.app,
        w.a.viewer,
        'GET',
        `/assessments/${correction.correctionId}/log/verify`,
      );
      expect(verify.json()).toMatchObject({ valid: true });
      expect(await snapshot()).toEqual(before);
      // Unlike the original, the copy takes a new profile.
      await setProfile(w, correction.correctionId, [w.a.owner]);
    });
  });
});

describe.each(DIALECTS)('migration 009 on %s', (dialect) => {
  it('rolls back cleanly (tables and triggers) and applies again', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const db = database.handle.db as never;
      const tables = async () =>
        (await database.handle.db.introspection.getTables())
          .map((t) => t.name)
          .filter((n) => SIGNOFF_TABLES.has(n));
      expect((await tables()).sort()).toEqual([...SIGNOFF_TABLES].sort());
      // Migration 010 extends 009's triggers, so it goes first.
      expect(await migrateDown(db, dialect)).toEqual({ applied: ['010-freeze-assurance'] });
      expect(await migrateDown(db, dialect)).toEqual({ applied: ['009-signoff'] });
      expect(await tables()).toEqual([]);
      expect(await migrateToLatest(db, dialect)).toEqual({
        applied: ['009-signoff', '010-freeze-assurance'],
      });
      expect((await tables()).sort()).toEqual([...SIGNOFF_TABLES].sort());
    } finally {
      await database.drop();
    }
  });
});
