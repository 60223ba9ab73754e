/** A world with a final assessment and a hand-made benchmark pool, for the benchmark tests. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { SignedUp } from '../support/accounts.js';
import {
  insertSubmissions,
  LOCAL_POOL,
  type SubmissionRow,
} from '../../src/persistence/repositories/benchmark.js';
import type { DatabaseHandle } from '../../src/persistence/database.js';
import { assessmentOf, call, example, ifMatch } from './assessments-support.js';

export const PROFILE = { industry: 'K', size: '250-999', region: 'europe', role: 'operator', cas: '2-5' };

export async function importSample(app: FastifyInstance, who: SignedUp, orgId: string): Promise<string> {
  const response = await call(app, who, 'POST', `/orgs/${orgId}/assessments/import`, {
    payload: example('sample-assessment-2.0.0.yaml'),
    headers: { 'content-type': 'application/yaml' },
  });
  expect(response.statusCode).toBe(201);
  return assessmentOf(response).id;
}

export async function finalise(app: FastifyInstance, assessor: SignedUp, owner: SignedUp, id: string) {
  const version = assessmentOf(await call(app, owner, 'GET', `/assessments/${id}`)).version;
  const review = await call(app, assessor, 'POST', `/assessments/${id}/status`, {
    payload: { status: 'in-review' },
    headers: ifMatch(version),
  });
  expect(review.statusCode).toBe(200);
  const final = await call(app, owner, 'POST', `/assessments/${id}/status`, {
    payload: { status: 'final' },
    headers: ifMatch(version + 1),
  });
  expect(final.statusCode).toBe(200);
}

let serial = 0;
/** `count` peers with the same profile overrides, type and level in every category. */
export function peers(
  count: number,
  keys: readonly string[],
  options: {
    profile?: Partial<SubmissionRow['profile']>;
    type?: string;
    level?: number;
    synthetic?: boolean;
  },
): SubmissionRow[] {
  return Array.from({ length: count }, () => ({
    pool: LOCAL_POOL,
    orgHash: `test-${serial++}`,
    modelVersion: '2.0.0',
    quarter: '2026-Q1',
    profile: {
      industry: 'C',
      size: '1000-4999',
      region: 'asia',
      role: 'relying-party',
      cas: '1',
      ...options.profile,
    },
    type: options.type ?? 'self',
    levels: Object.fromEntries(keys.map((key) => [key, options.level ?? 3])),
    synthetic: options.synthetic ?? false,
    submittedAt: '2026-01-01T00:00:00.000Z',
  }));
}

export async function addPeers(handle: DatabaseHandle, rows: SubmissionRow[]): Promise<void> {
  await insertSubmissions(handle.db, rows);
}

export interface CompareBody {
  status: 'ok' | 'refused';
  reason?: string;
  synthetic?: boolean;
  k: number;
  message?: string;
  suggestion?: { filters: Record<string, string> } | null;
  group?: { filters: Record<string, string>; size: number };
  overall?: Record<string, number | null> & { histogram: { from: number; to: number; count: number }[] };
  categories?: ({ key: string; size: number } & Record<string, unknown>)[];
}

export async function compareAs(
  app: FastifyInstance,
  who: SignedUp,
  id: string,
  query = '',
): Promise<CompareBody> {
  const response = await call(
    app,
    who,
    'GET',
    `/assessments/${id}/benchmark/compare${query ? `?${query}` : ''}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CompareBody>();
}
