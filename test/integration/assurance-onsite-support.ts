/**
 * Short calls for the on-site tests: PUT (which the shared helper leaves out), the log of an
 * assessment, the model an assessment of 2.0.0 is rated against, and requirement keys from it.
 */
import type { FastifyInstance } from 'fastify';
import { indexModel } from '../../src/core/model/model-index.js';
import type { Model } from '../../src/core/model/model.types.js';
import { as, type SignedUp } from '../support/accounts.js';
import { call } from './assessments-support.js';

export function put(app: FastifyInstance, who: SignedUp, url: string, payload: unknown) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1${url}`,
    headers: as(app, who),
    payload: payload as object,
  });
}

export interface LogBody {
  entries: { seq: number; event: string; actor: string; detail: Record<string, unknown> }[];
}

export async function logOf(app: FastifyInstance, who: SignedUp, id: string) {
  return (await call(app, who, 'GET', `/assessments/${id}/log`)).json<LogBody>().entries;
}

export async function logIsValid(app: FastifyInstance, who: SignedUp, id: string): Promise<boolean> {
  return (await call(app, who, 'GET', `/assessments/${id}/log/verify`)).json<{ valid: boolean }>().valid;
}

export function model200(app: FastifyInstance): Promise<Model> {
  return app.deps.registry.get('pkimm', '2.0.0');
}

/** The first `n` requirement keys of the model, in model order. */
export async function requirementKeys(app: FastifyInstance, n: number): Promise<string[]> {
  return indexModel(await model200(app))
    .requirements.slice(0, n)
    .map((r) => r.key);
}
