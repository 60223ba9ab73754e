/**
 * A consensus and a workshop agreement commit in one transaction with the rating they record,
 * on both databases: when the write after the rating fails, neither the revision nor the row
 * (nor a log entry) is left behind; when it works, there is one revision, one row, and the
 * log holds the revision followed by the step's own entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import {
  assessmentOf,
  call,
  createAssessment,
  createWorld,
  ifMatch,
  revisionsOf,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';
import { failingTrigger } from './assurance-gaps-support.js';
import { addParticipant, logIsValid, logOf, put } from './assurance-workflow-support.js';

describe.each(DIALECTS)('rating and its record in one transaction on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  const db = () => w.database.handle.db;
  /** What a half-done step would leave behind. */
  const state = async (id: string) => {
    const assessment = assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`));
    return {
      version: assessment.version,
      level: assessment.document.requirements?.[SPONSOR]?.level ?? null,
      revisions: (await revisionsOf(w.app, w.a.owner, id)).length,
      log: (await logOf(w, id)).length,
    };
  };

  describe('consensus', () => {
    const consensus = (id: string, version: number, level: number) =>
      call(w.app, w.a.assessor, 'POST', `/assessments/${id}/consensus/${SPONSOR}`, {
        payload: { level, note: 'agreed in the room' },
        headers: ifMatch(version),
      });
    const rows = (id: string) =>
      db().selectFrom('requirement_consensus').selectAll().where('assessment_id', '=', id).execute();

    async function workflow(): Promise<string> {
      const id = await createAssessment(w.app, w.a.owner, w.a.orgId);
      await addParticipant(w, id, w.a.contributor, 'respondent');
      await addParticipant(w, id, w.a.assessor, 'assessor');
      const rated = await put(w.app, w.a.contributor, `/assessments/${id}/respondent-ratings/${SPONSOR}/me`, {
        level: 3,
      });
      expect(rated.statusCode, rated.body).toBe(200);
      return id;
    }

    it('leaves neither the revision nor the consensus when recording it fails', async () => {
      const id = await workflow();
      const before = await state(id);
      const restore = await failingTrigger(
        db(),
        dialect,
        'requirement_consensus',
        'INSERT',
        'injected failure',
      );
      try {
        const failed = await consensus(id, before.version, 4);
        expect(failed.statusCode, failed.body).toBe(500);
      } finally {
        await restore();
      }
      expect(await state(id)).toEqual(before);
      expect(await rows(id)).toEqual([]);
      expect(await logIsValid(w, id)).toBe(true);
    });

    it('leaves no consensus when the rating itself is refused (stale version)', async () => {
      const id = await workflow();
      const before = await state(id);
      expect((await consensus(id, before.version + 3, 4)).statusCode).toBe(409);
      expect(await state(id)).toEqual(before);
      expect(await rows(id)).toEqual([]);
    });

    it('records one revision, one consensus and the log entries in order', async () => {
      const id = await workflow();
      const before = await state(id);
      const recorded = await consensus(id, before.version, 4);
      expect(recorded.statusCode, recorded.body).toBe(200);
      const after = await state(id);
      expect(after).toEqual({
        version: before.version + 1,
        level: 4,
        revisions: before.revisions + 1,
        log: before.log + 2,
      });
      expect((await rows(id)).map((r) => [r.requirement_key, Number(r.level), Number(r.version)])).toEqual([
        [SPONSOR, 4, after.version],
      ]);
      const log = (await logOf(w, id)).slice(-2);
      expect(log.map((e) => e.event)).toEqual(['revision', 'consensus.recorded']);
      expect(log[0]?.detail).toMatchObject({ version: after.version, kind: 'requirement.level' });
      expect(log[1]?.detail).toMatchObject({ key: SPONSOR, level: 4, version: after.version });
      expect(await logIsValid(w, id)).toBe(true);
    });
  });

  describe('workshop agreement', () => {
    /** An assessment with an open workshop discussing SPONSOR, facilitated by the assessor. */
    async function workshop(): Promise<{ id: string; wid: string }> {
      const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
      const opened = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/workshops`, {
        payload: { title: 'Rating day' },
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const wid = opened.json<{ workshop: { id: string } }>().workshop.id;
      const moved = await put(w.app, w.a.assessor, `/assessments/${id}/workshops/${wid}/current`, {
        key: SPONSOR,
      });
      expect(moved.statusCode).toBe(200);
      return { id, wid };
    }
    const agree = (id: string, wid: string) =>
      call(w.app, w.a.assessor, 'POST', `/assessments/${id}/workshops/${wid}/agree`, {
        payload: { level: 3, notes: 'documented and practised' },
      });
    const item = (wid: string) =>
      db()
        .selectFrom('workshop_items')
        .select(['agreed_level', 'notes', 'agreed_version'])
        .where('workshop_id', '=', wid)
        .executeTakeFirstOrThrow();

    it('leaves neither the revision nor the agreement when recording it fails', async () => {
      const { id, wid } = await workshop();
      const before = await state(id);
      const restore = await failingTrigger(db(), dialect, 'workshop_items', 'UPDATE', 'injected failure');
      try {
        const failed = await agree(id, wid);
        expect(failed.statusCode, failed.body).toBe(500);
      } finally {
        await restore();
      }
      expect(await state(id)).toEqual(before);
      expect(await item(wid)).toEqual({ agreed_level: null, notes: null, agreed_version: null });
      expect(await logIsValid(w, id)).toBe(true);
    });

    it('records one revision, the agreement and the log entries in order', async () => {
      const { id, wid } = await workshop();
      const before = await state(id);
      const agreed = await agree(id, wid);
      expect(agreed.statusCode, agreed.body).toBe(200);
      expect(agreed.json<{ version: number }>().version).toBe(before.version + 1);
      const after = await state(id);
      expect(after).toEqual({
        version: before.version + 1,
        level: 3,
        revisions: before.revisions + 1,
        log: before.log + 2,
      });
      const stored = await item(wid);
      expect([stored.agreed_level, stored.notes, Number(stored.agreed_version)]).toEqual([
        3,
        'documented and practised',
        after.version,
      ]);
      const log = (await logOf(w, id)).slice(-2);
      expect(log.map((e) => e.event)).toEqual(['revision', 'workshop.agreed']);
      expect(log[1]?.detail).toMatchObject({ workshop: wid, requirement: SPONSOR, version: after.version });
      expect(await versionOf(w.app, w.a.viewer, id)).toBe(after.version);
      expect(await logIsValid(w, id)).toBe(true);
    });

    it('refuses an agreement on a closed workshop without writing the rating', async () => {
      const { id, wid } = await workshop();
      const closed = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/workshops/${wid}/close`);
      expect(closed.statusCode).toBe(200);
      const before = await state(id);
      expect((await agree(id, wid)).statusCode).toBe(409);
      expect(await state(id)).toEqual(before);
    });
  });
});
