/**
 * Shared set-up for the sign-off tests: PUT requests, the profile, approvals at the current
 * version, and an assessment carried all the way to a sign-off.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { as, type SignedUp } from '../support/accounts.js';
import {
  autosave,
  call,
  createAssessment,
  ifMatch,
  level,
  SPONSOR,
  versionOf,
  type World,
} from './assessments-support.js';

export interface SignOffBody {
  assessmentId: string;
  approvedVersion: number;
  version: number;
  approvers: string[];
  attestationId: string | null;
  at: string;
}
export interface ApprovalOutcomeBody {
  approval: { id: number; userId: string; version: number; decision: string; comment: string };
  signOff: SignOffBody | null;
}
export interface ApprovalsBody {
  version: number;
  approvers: string[];
  pending: string[];
  approvals: { userId: string; version: number; decision: string }[];
  signOff: SignOffBody | null;
}

export function put(app: FastifyInstance, who: SignedUp, url: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: as(app, who), payload });
}

export async function setProfile(w: World, id: string, approvers: SignedUp[], evidenceFromLevel = 3) {
  const response = await put(w.app, w.a.owner, `/assessments/${id}/profile`, {
    evidenceFromLevel,
    approvers: approvers.map((a) => a.userId),
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** A decision at the version `who` reads right now. */
export async function decide(
  w: World,
  who: SignedUp,
  id: string,
  decision: 'approve' | 'reject' = 'approve',
  version?: number,
): Promise<LightMyRequestResponse> {
  const at = version ?? (await versionOf(w.app, who, id));
  return call(w.app, who, 'POST', `/assessments/${id}/approvals`, {
    payload: { decision, comment: `${decision} by ${who.email}` },
    headers: ifMatch(at),
  });
}

export async function moveTo(w: World, who: SignedUp, id: string, status: string) {
  const response = await call(w.app, who, 'POST', `/assessments/${id}/status`, {
    payload: { status },
    headers: ifMatch(await versionOf(w.app, who, id)),
  });
  expect(response.statusCode, response.body).toBe(200);
}

/**
 * A formal assessment rated by the assessor below the evidence level, with one evidence item,
 * in review, approved by the owner and the viewer: signed off.
 */
export async function signedOff(w: World): Promise<{ id: string; evidenceId: string; signOff: SignOffBody }> {
  const id = await createAssessment(w.app, w.a.assessor, w.a.orgId, { type: 'formal' });
  expect((await autosave(w.app, w.a.assessor, id, 1, level(SPONSOR, 2))).statusCode).toBe(200);
  const evidence = await call(w.app, w.a.assessor, 'POST', `/assessments/${id}/evidence`, {
    payload: { kind: 'text', title: 'Minutes', text: 'SC-1', requirements: [SPONSOR] },
  });
  expect(evidence.statusCode, evidence.body).toBe(201);
  await moveTo(w, w.a.assessor, id, 'in-review');
  await setProfile(w, id, [w.a.owner, w.a.viewer]);
  expect((await decide(w, w.a.owner, id)).statusCode).toBe(201);
  const last = await decide(w, w.a.viewer, id);
  expect(last.statusCode, last.body).toBe(201);
  const signOff = last.json<ApprovalOutcomeBody>().signOff;
  if (!signOff) throw new Error(`the last approval did not sign off: ${last.body}`);
  return { id, evidenceId: evidence.json<{ id: string }>().id, signOff };
}
