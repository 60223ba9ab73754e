import { PkimmError } from '../../core/errors.js';
import type { BenchmarkLevel, BenchmarkPayload } from '../../core/benchmark/payload.js';
import type { HubClientConfig } from '../hub/hub-config.js';
import type { CompareRequest } from './compare.js';
import { hubCall } from './hub-client.js';

/**
 * The hub side of the pool operations: the same payload and the keyed organisation hash go to
 * the hub; nothing is kept in the local pool. The hub is asked for the submissions list too,
 * so the two can never disagree.
 */
export async function hubSubmit(hub: HubClientConfig, orgHash: string, payload: BenchmarkPayload) {
  return (await hubCall<{ replaced: boolean }>(hub, 'POST', '/submissions', { orgHash, payload })).body
    .replaced;
}

export async function hubList(hub: HubClientConfig, orgHash: string) {
  type Row = {
    modelVersion: string;
    quarter: string;
    profile: BenchmarkPayload['profile'];
    submittedAt: string;
  };
  return (await hubCall<{ submissions: Row[] }>(hub, 'POST', '/submissions/list', { orgHash })).body
    .submissions;
}

/** True when the hub removed one; false when it had none. */
export async function hubWithdraw(hub: HubClientConfig, orgHash: string, modelVersion: string) {
  const path = `/submissions/${encodeURIComponent(orgHash)}/${encodeURIComponent(modelVersion)}`;
  return (await hubCall(hub, 'DELETE', path)).status === 204;
}

export async function hubCompare(
  hub: HubClientConfig,
  modelVersion: string,
  keys: readonly string[],
  own: Record<string, BenchmarkLevel>,
  request: CompareRequest,
) {
  const answer = await hubCall<unknown>(hub, 'POST', '/compare', { modelVersion, keys, own, ...request });
  if (answer.status !== 200)
    throw new PkimmError('DATABASE_UNAVAILABLE', `the benchmark hub at ${hub.url} cannot compare`);
  return answer.body;
}
