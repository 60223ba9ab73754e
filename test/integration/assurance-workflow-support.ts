/**
 * Shared set-up for the assurance workflow tests: PUT requests (the assessment helpers know
 * no PUT), participants added through the API, invited accounts, and reading the log.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { as, signUp, type SignedUp } from '../support/accounts.js';
import { call, ifMatch, versionOf, type World } from './assessments-support.js';

export const ARCH = 'G.strategy-and-vision.architecture';

export function put(
  app: FastifyInstance,
  who: SignedUp,
  url: string,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PUT', url: `/api/v1${url}`, headers: as(app, who), payload });
}

/** Adds a participant as the organisation's owner and expects it to work. */
export async function addParticipant(w: World, id: string, who: SignedUp, role: string): Promise<void> {
  const response = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/participants`, {
    payload: { userId: who.userId, role },
  });
  expect(response.statusCode, response.body).toBe(201);
}

/** A new account invited to one assessment of organisation a as an assessor. */
export async function invite(w: World, id: string, email: string): Promise<SignedUp> {
  const external = await signUp(w.app, { email });
  const grant = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/grants`, {
    payload: { email, role: 'assessor' },
  });
  expect(grant.statusCode, grant.body).toBe(201);
  return external;
}

/** Makes an assessment final as the owner, through the status route. */
export async function makeFinal(w: World, id: string): Promise<void> {
  const response = await call(w.app, w.a.owner, 'POST', `/assessments/${id}/status`, {
    payload: { status: 'final' },
    headers: ifMatch(await versionOf(w.app, w.a.owner, id)),
  });
  expect(response.statusCode, response.body).toBe(200);
}

export interface LogEntryBody {
  seq: number;
  actor: string;
  event: string;
  detail: Record<string, unknown>;
}

export async function logOf(w: World, id: string): Promise<LogEntryBody[]> {
  const response = await call(w.app, w.a.owner, 'GET', `/assessments/${id}/log`);
  return response.json<{ entries: LogEntryBody[] }>().entries;
}

export async function logIsValid(w: World, id: string): Promise<boolean> {
  const response = await call(w.app, w.a.owner, 'GET', `/assessments/${id}/log/verify`);
  return response.json<{ valid: boolean }>().valid;
}
