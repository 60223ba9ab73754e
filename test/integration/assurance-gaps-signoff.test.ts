/**
 * On both databases: an attestation issued again for a signed-off assessment carries the same
 * sign-off claim as the one issued at the sign-off (and one of a merely final assessment none),
 * checked with the server's own verifier; and the approvals and profile replies name every
 * person whose id they mention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttestationPayload } from '../../src/core/attestation/payload.js';
import { verifyWithServerAnchors } from '../../src/server/attestations/issue-attestation.js';
import { DIALECTS } from '../support/databases.js';
import {
  autosave,
  call,
  createAssessment,
  createWorld,
  level,
  SPONSOR,
  type World,
} from './assessments-support.js';
import { signOff } from './assurance-gaps-support.js';
import { decide, moveTo, put, setProfile, type ApprovalsBody } from './assurance-signoff-support.js';
import { addParticipant, makeFinal } from './assurance-workflow-support.js';

interface AttestationBody {
  id: string;
  jws: string;
}
type Names = Record<string, string>;

describe.each(DIALECTS)('sign-off gaps on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld(dialect);
  });
  afterAll(() => w.close());

  /** A formal assessment the assessor rated below the evidence level. */
  async function rated(): Promise<string> {
    const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { type: 'formal' });
    expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
    return id;
  }
  const attestations = async (id: string) =>
    (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/attestations`)).json<AttestationBody[]>();
  /** Verifies with the server's trust anchors and answers the payload it vouches for. */
  async function verified(jws: string): Promise<AttestationPayload> {
    const result = await verifyWithServerAnchors(w.app.deps, jws);
    expect(result.reasons).toEqual([]);
    expect(result.valid).toBe(true);
    if (!result.payload) throw new Error('a valid attestation without a payload');
    return result.payload;
  }
  const attestAgain = async (id: string) => {
    const again = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/attestations`);
    expect(again.statusCode, again.body).toBe(201);
    return again.json<AttestationBody>();
  };

  describe('a re-issued attestation', () => {
    it('carries the sign-off claim of the one issued at the sign-off', async () => {
      const id = await rated();
      const done = await signOff(w, id);
      const first = (await attestations(id)).find((a) => a.id === done.attestationId);
      if (!first) throw new Error(`no attestation ${done.attestationId}`);
      const original = await verified(first.jws);
      expect(original.signOff).toEqual({
        at: done.at,
        version: done.version,
        assessors: [{ id: w.a.assessor.userId, name: 'assessor' }],
        approvers: [
          { id: w.a.owner.userId, name: 'owner' },
          { id: w.a.viewer.userId, name: 'viewer' },
        ],
      });
      const again = await attestAgain(id);
      expect(again.id).not.toBe(first.id);
      const reissued = await verified(again.jws);
      expect(reissued.id).toBe(again.id);
      expect(reissued.signOff).toEqual(original.signOff);
      expect((await attestations(id)).map((a) => a.id).sort()).toEqual([first.id, again.id].sort());
    });

    it('names the assessor participants, as the sign-off did, when the assessment uses the workflow', async () => {
      const id = await createAssessment(w.app, w.a.owner, w.a.orgId, { type: 'formal' });
      // The owner rates (allowed while holding no participant role), yet the claim names the
      // assessor participant, not the rater.
      expect((await autosave(w.app, w.a.owner, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
      await addParticipant(w, id, w.a.assessor, 'assessor');
      await moveTo(w, w.a.owner, id, 'in-review');
      await setProfile(w, id, [w.a.viewer]);
      const last = await decide(w, w.a.viewer, id);
      expect(last.statusCode, last.body).toBe(201);
      const again = await verified((await attestAgain(id)).jws);
      expect(again.signOff?.assessors).toEqual([{ id: w.a.assessor.userId, name: 'assessor' }]);
      expect(again.signOff?.approvers).toEqual([{ id: w.a.viewer.userId, name: 'viewer' }]);
    });

    it('carries no sign-off claim for a final assessment that was never signed off', async () => {
      const id = await rated();
      await makeFinal(w, id);
      const payload = await verified((await attestAgain(id)).jws);
      expect(payload.assessment.id).toBe(id);
      expect(payload.signOff).toBeUndefined();
    });
  });

  describe('names in the approvals and the profile', () => {
    const approvals = async (id: string) =>
      (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/approvals`)).json<
        ApprovalsBody & { names: Names }
      >();
    const profile = async (id: string) =>
      (await call(w.app, w.a.viewer, 'GET', `/assessments/${id}/profile`)).json<{
        approvers: string[];
        updatedBy: string | null;
        names: Names;
      }>();

    it('name every approver, decision maker and whoever set the profile', async () => {
      const id = await rated();
      expect((await approvals(id)).names).toEqual({});
      expect((await profile(id)).names).toEqual({});

      await moveTo(w, w.a.owner, id, 'in-review');
      await setProfile(w, id, [w.a.owner, w.a.viewer]);
      const named = { [w.a.owner.userId]: 'owner', [w.a.viewer.userId]: 'viewer' };
      expect(await profile(id)).toMatchObject({ updatedBy: w.a.owner.userId, names: named });
      const pending = await approvals(id);
      expect(pending.pending).toEqual([w.a.owner.userId, w.a.viewer.userId]);
      expect(pending.names).toEqual(named);

      // Someone the profile no longer names still decided once: they stay named.
      await decide(w, w.a.owner, id, 'reject');
      await setProfile(w, id, [w.a.viewer]);
      const afterReject = await approvals(id);
      expect(afterReject.approvers).toEqual([w.a.viewer.userId]);
      expect(afterReject.approvals.map((a) => a.userId)).toEqual([w.a.owner.userId]);
      expect(afterReject.names).toEqual(named);
      expect((await profile(id)).names).toEqual(named);

      expect((await decide(w, w.a.viewer, id)).statusCode).toBe(201);
      const done = await approvals(id);
      expect(done.signOff?.approvers).toEqual([w.a.viewer.userId]);
      expect(done.pending).toEqual([]);
      expect(done.names).toEqual(named);
    });

    it('answer the names on setting the profile too', async () => {
      const id = await rated();
      const stored = await put(w.app, w.a.owner, `/assessments/${id}/profile`, {
        evidenceFromLevel: 3,
        approvers: [w.a.viewer.userId],
      });
      expect(stored.statusCode, stored.body).toBe(200);
      expect(stored.json<{ names: Names }>().names).toEqual({
        [w.a.owner.userId]: 'owner',
        [w.a.viewer.userId]: 'viewer',
      });
    });
  });
});
