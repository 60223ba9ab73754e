/**
 * Four-eyes sign-off on both databases: the profile, every approval rule enforced by the server
 * (including attempts to get round it through the API), approvals voided by a later change, the
 * sign-off as one transaction, its log entries and the attestation it issues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createToken, signUp } from '../support/accounts.js';
import { DIALECTS } from '../support/databases.js';
import { splitJws } from './attest-support.js';
import {
  assessmentOf,
  autosave,
  call,
  createAssessment,
  errorOf,
  ifMatch,
  level,
  SPONSOR,
  versionOf,
  type World,
  createWorld,
} from './assessments-support.js';
import {
  decide,
  moveTo,
  put,
  setProfile,
  type ApprovalOutcomeBody,
  type ApprovalsBody,
} from './assurance-signoff-support.js';

const ARCH = 'G.strategy-and-vision.architecture';

describe.each(DIALECTS)('sign-off on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  /** A formal assessment the assessor rated (SPONSOR at `sponsorLevel`), in review. */
  async function rated(sponsorLevel = 2): Promise<string> {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { type: 'formal' });
    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, sponsorLevel))).statusCode).toBe(200);
    await moveTo(w, w.a.assessor, id, 'in-review');
    return id;
  }
  const approvals = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/approvals`)).json<ApprovalsBody>();
  const events = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/log`))
      .json<{ entries: { event: string; detail: Record<string, unknown> }[] }>()
      .entries.map((e) => e.event);

  describe('profile', () => {
    it('starts at the default and is set by an owner only, with eligible approvers', async () => {
      const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
      const initial = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/profile`);
      expect(initial.json()).toEqual({
        evidenceFromLevel: 3,
        approvers: [],
        stored: false,
        updatedBy: null,
        updatedAt: null,
        names: {},
      });
      const payload = { evidenceFromLevel: 4, approvers: [w.a.viewer.userId] };
      for (const who of [w.a.assessor, w.a.contributor, w.a.viewer]) {
        const refused = await put(w.app, who, `/assessments/${id}/profile`, payload);
        expect(refused.statusCode).toBe(403);
      }
      expect((await put(w.app, w.b.owner, `/assessments/${id}/profile`, payload)).statusCode).toBe(404);
      const outsider = await put(w.app, w.a.owner, `/assessments/${id}/profile`, {
        evidenceFromLevel: 3,
        approvers: [w.b.owner.userId],
      });
      expect(outsider.statusCode).toBe(400);
      expect(errorOf(outsider).issues).toEqual([
        { path: 'body.approvers.0', message: expect.stringContaining(w.b.owner.userId) as string },
      ]);
      const stored = await put(w.app, w.a.owner, `/assessments/${id}/profile`, payload);
      expect(stored.statusCode, stored.body).toBe(200);
      const read = (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/profile`)).json<
        typeof payload
      >();
      expect(read).toMatchObject({ ...payload, stored: true, updatedBy: w.a.owner.userId });
      expect(await events(id)).toContain('profile.set');
    });
  });

  describe('who may approve', () => {
    it('an invited account once it is an approver participant, never a read-only token', async () => {
      const id = await rated();
      const external = await signUp(w.app, { email: `auditor-${dialect}@elsewhere.test`, name: 'Auditor' });
      const grant = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/grants`, {
        payload: { email: external.email, role: 'viewer' },
      });
      expect(grant.statusCode, grant.body).toBe(201);
      const payload = { evidenceFromLevel: 3, approvers: [external.userId] };
      expect((await put(w.app, w.a.owner, `/assessments/${id}/profile`, payload)).statusCode).toBe(400);
      const added = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
        payload: { userId: external.userId, role: 'approver' },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect((await put(w.app, w.a.owner, `/assessments/${id}/profile`, payload)).statusCode).toBe(200);

      const { token } = await createToken(w.app, w.a.viewer.cookie, w.a.orgId, ['assessments:read']);
      await setProfile(w, id, [external, w.a.viewer]);
      const version = await versionOf(w.app, w.a.viewer, id);
      const byToken = await w.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${id}/approvals`,
        headers: { ...bearer(token), ...ifMatch(version) },
        payload: { decision: 'approve' },
      });
      expect(byToken.statusCode).toBe(403);
      expect(errorOf(byToken).message).toContain('assessments:write');

      expect((await decide(w, external, id)).statusCode).toBe(201);
      const last = await decide(w, w.a.viewer, id);
      expect(last.json<ApprovalOutcomeBody>().signOff?.approvers).toEqual([
        external.userId,
        w.a.viewer.userId,
      ]);
    });
  });

  describe('approval rules', () => {
    it('refuses a draft, an unnamed user and someone who rated, each with its reason', async () => {
      const id = await createAssessment(w.app, w.a.assessor, w.a.orgId);
      expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 1))).statusCode).toBe(200);
      await setProfile(w, id, [w.a.owner, w.a.assessor]);
      const draft = await decide(w, w.a.owner, id);
      expect(draft.statusCode).toBe(409);
      expect(errorOf(draft).message).toContain('this one is a draft');
      await moveTo(w, w.a.assessor, id, 'in-review');
      const unnamed = await decide(w, w.a.contributor, id);
      expect(unnamed.statusCode).toBe(403);
      expect(errorOf(unnamed).message).toContain('not a named approver');
      // The assessor is named (a member may be), but wrote the rating: refused both ways.
      for (const decision of ['approve', 'reject'] as const) {
        const own = await decide(w, w.a.assessor, id, decision);
        expect(own.statusCode).toBe(403);
        expect(errorOf(own).message).toContain('nobody approves their own rating');
      }
      // Another tenant learns nothing, not even that the assessment exists.
      const version = await versionOf(w.app, w.a.owner, id);
      expect((await decide(w, w.b.owner, id, 'approve', version)).statusCode).toBe(404);
      expect((await approvals(id)).approvals).toEqual([]);
    });

    it('needs If-Match and the current version', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      const missing = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/approvals`, {
        payload: { decision: 'approve' },
      });
      expect(missing.statusCode).toBe(428);
      const current = await versionOf(w.app, w.a.owner, id);
      const stale = await decide(w, w.a.owner, id, 'approve', current - 1);
      expect(stale.statusCode).toBe(409);
      expect(stale.json<{ current: { version: number } }>().current.version).toBe(current);
    });

    it('lists the requirements rated at or above the evidence level that lack supporting evidence', async () => {
      const id = await rated(3);
      const version = await versionOf(w.app, w.a.assessor, id);
      expect((await autosave(w.app, w.a.assessor, id, version, level(ARCH, 4))).statusCode).toBe(200);
      await setProfile(w, id, [w.a.owner]);
      const refused = await decide(w, w.a.owner, id);
      expect(refused.statusCode).toBe(409);
      expect(errorOf(refused).message).toContain(`${SPONSOR} (level 3, evidence not-provided)`);
      expect(errorOf(refused).message).toContain(`${ARCH} (level 4, evidence not-provided)`);
      expect(
        errorOf(refused)
          .issues.map((i) => i.path)
          .sort(),
      ).toEqual([`requirements.${SPONSOR}`, `requirements.${ARCH}`].sort());
      // A rejection needs no evidence.
      expect((await decide(w, w.a.owner, id, 'reject')).statusCode).toBe(201);
      for (const [key, status] of [
        [SPONSOR, 'reviewed-supports'],
        [ARCH, 'reviewed-inconclusive'],
      ] as const) {
        const review = await put(w.app, w.a.assessor, `/assessments/${id}/reviews/${key}`, { status });
        expect(review.statusCode, review.body).toBe(200);
      }
      const still = await decide(w, w.a.owner, id);
      expect(errorOf(still).message).toContain(`${ARCH} (level 4, evidence reviewed-inconclusive)`);
      expect(errorOf(still).message).not.toContain(SPONSOR);
      // Raising the level above both ratings lifts the rule for this assessment.
      await setProfile(w, id, [w.a.owner], 5);
      const approved = await decide(w, w.a.owner, id);
      expect(approved.statusCode, approved.body).toBe(201);
      expect(approved.json<ApprovalOutcomeBody>().signOff).not.toBeNull();
    });

    it('voids approvals when the assessment changes afterwards', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      const first = await versionOf(w.app, w.a.owner, id);
      expect((await decide(w, w.a.owner, id)).json<ApprovalOutcomeBody>().signOff).toBeNull();
      expect((await approvals(id)).pending).toEqual([w.a.viewer.userId]);
      expect((await autosave(w.app, w.a.assessor, id, first, level(ARCH, 1))).statusCode).toBe(200);
      const afterChange = await approvals(id);
      expect(afterChange.version).toBe(first + 1);
      expect(afterChange.pending).toEqual([w.a.owner.userId, w.a.viewer.userId]);
      const viewer = await decide(w, w.a.viewer, id);
      expect(viewer.json<ApprovalOutcomeBody>().signOff).toBeNull();
      expect(assessmentOf(await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`)).status).toBe(
        'in-review',
      );
      const owner = await decide(w, w.a.owner, id);
      expect(owner.json<ApprovalOutcomeBody>().signOff).toMatchObject({ approvedVersion: first + 1 });
    });

    it('a rejection after an approval holds the sign-off back until the approver approves again', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      expect((await decide(w, w.a.owner, id)).statusCode).toBe(201);
      expect((await decide(w, w.a.owner, id, 'reject')).statusCode).toBe(201);
      expect((await decide(w, w.a.viewer, id)).json<ApprovalOutcomeBody>().signOff).toBeNull();
      expect((await decide(w, w.a.owner, id)).json<ApprovalOutcomeBody>().signOff).not.toBeNull();
    });
  });

  describe('the sign-off', () => {
    it('makes the assessment final, logs every step in order and keeps the chain valid', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      const approvedVersion = await versionOf(w.app, w.a.owner, id);
      expect((await decide(w, w.a.owner, id)).statusCode).toBe(201);
      const last = await decide(w, w.a.viewer, id);
      const { signOff } = last.json<ApprovalOutcomeBody>();
      expect(signOff).toMatchObject({
        assessmentId: id,
        approvedVersion,
        version: approvedVersion + 1,
        approvers: [w.a.owner.userId, w.a.viewer.userId],
      });
      const read = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}`);
      expect(assessmentOf(read)).toMatchObject({ status: 'final', version: approvedVersion + 1 });
      const log = await events(id);
      expect(log.slice(-5)).toEqual([
        'profile.set',
        'approval.given',
        'approval.given',
        'revision',
        'signoff',
      ]);
      const verify = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/log/verify`);
      expect(verify.json()).toMatchObject({ valid: true, entries: log.length });
      expect((await approvals(id)).signOff).toEqual(signOff);
      const row = await w.database.handle.db
        .selectFrom('sign_offs')
        .selectAll()
        .where('assessment_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.attestation_id).toBe(signOff?.attestationId);
    });

    it('also signs off an assessment that is already final, without a new version', async () => {
      const id = await rated();
      await moveTo(w, w.a.owner, id, 'final');
      const version = await versionOf(w.app, w.a.owner, id);
      await setProfile(w, id, [w.a.viewer]);
      const outcome = (await decide(w, w.a.viewer, id)).json<ApprovalOutcomeBody>();
      expect(outcome.signOff).toMatchObject({ approvedVersion: version, version });
      expect(await versionOf(w.app, w.a.owner, id)).toBe(version);
    });

    it('signs off exactly once when the last two approvals arrive together', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      const version = await versionOf(w.app, w.a.owner, id);
      const outcomes = await Promise.all([
        decide(w, w.a.owner, id, 'approve', version),
        decide(w, w.a.viewer, id, 'approve', version),
      ]);
      expect(outcomes.map((o) => o.statusCode)).toEqual([201, 201]);
      const signOffs = outcomes.map((o) => o.json<ApprovalOutcomeBody>().signOff).filter((s) => s !== null);
      expect(signOffs.length).toBeGreaterThan(0);
      const rows = await w.database.handle.db
        .selectFrom('sign_offs')
        .selectAll()
        .where('assessment_id', '=', id)
        .execute();
      expect(rows).toHaveLength(1);
      for (const s of signOffs) expect(s.attestationId).toBe(rows[0]?.attestation_id);
      expect((await events(id)).filter((e) => e === 'signoff')).toHaveLength(1);
      const stored = await w.database.handle.db
        .selectFrom('attestations')
        .select('id')
        .where('assessment_id', '=', id)
        .execute();
      expect(stored.map((a) => a.id)).toEqual([rows[0]?.attestation_id]);
    });

    it('issues an attestation naming the type, the assessors and the approvers', async () => {
      const id = await rated();
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      await decide(w, w.a.owner, id);
      const { signOff } = (await decide(w, w.a.viewer, id)).json<ApprovalOutcomeBody>();
      const issued = await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/attestations`);
      expect(issued.statusCode, issued.body).toBe(200);
      const list = issued.json<{ id: string; jws: string }[]>();
      const attestation = list.find((a) => a.id === signOff?.attestationId);
      if (!attestation) throw new Error(`no attestation ${signOff?.attestationId} in ${issued.body}`);
      const payload = JSON.parse(splitJws(attestation.jws).payloadBytes.toString('utf8')) as {
        assessment: { id: string; type: string; trustLevel: string };
        signOff: { at: string; version: number; assessors: unknown[]; approvers: unknown[] };
      };
      expect(payload.assessment).toMatchObject({ id, type: 'formal', trustLevel: 'medium' });
      expect(payload.signOff).toEqual({
        at: signOff?.at,
        version: signOff?.version,
        assessors: [{ id: w.a.assessor.userId, name: 'assessor' }],
        approvers: [
          { id: w.a.owner.userId, name: 'owner' },
          { id: w.a.viewer.userId, name: 'viewer' },
        ],
      });
      const verified = await call(w.app, w.a.viewer, 'POST', '/attestations/verify', {
        payload: { jws: attestation.jws },
      });
      expect(verified.json()).toMatchObject({ valid: true });
    });
  });
});
