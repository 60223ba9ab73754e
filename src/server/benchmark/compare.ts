import type { Kysely } from 'kysely';
import type { AssessmentType } from '../../core/assessment/assessment.types.js';
import { overallOf, type BenchmarkLevel } from '../../core/benchmark/payload.js';
import { checkGroup, type GroupFilters } from '../../core/benchmark/privacy.js';
import {
  distribution,
  percentileOf,
  TRUST_WEIGHTS,
  type Distribution,
  type WeightedValue,
} from '../../core/benchmark/statistics.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { countSubmissions, groupSubmissions, LOCAL_POOL } from '../../persistence/repositories/benchmark.js';
import type { Database } from '../../persistence/schema.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment } from '../assessments/open-assessment.js';
import { hubCompare } from './hub-pool.js';

export const ALL_TYPES: readonly AssessmentType[] = ['self', 'formal', 'third-party'];

export interface CompareRequest {
  filters: GroupFilters;
  types: readonly AssessmentType[];
  weighting: 'none' | 'trust';
}

type Stats = { value: number | null; percentile: number | null } & (Distribution | NullDistribution);
interface NullDistribution {
  p10: null;
  p25: null;
  median: null;
  p75: null;
  p90: null;
  histogram: [];
}

const EMPTY: NullDistribution = { p10: null, p25: null, median: null, p75: null, p90: null, histogram: [] };

function refusalMessage(reason: 'too-small' | 'difference-too-small', k: number): string {
  return reason === 'too-small'
    ? `this peer group has fewer than ${k} submissions, so it is not shown`
    : `this peer group differs from a broader one by fewer than ${k} submissions; comparing the two would describe those few peers, so it is not shown`;
}

/** The user's assessment against a peer group, or the reason the group may not be shown. */
export async function compare(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  request: CompareRequest,
) {
  const opened = await openAssessment(deps, principal, id, 'read');
  const own: Record<string, BenchmarkLevel> = {};
  for (const category of scoreAssessment(opened.model, opened.assessment).categories)
    own[category.key] = category.raw ?? 'n/a';
  const keys = opened.model.modules.flatMap((module) => module.categories.map((category) => category.key));
  const hub = deps.config.benchmark.hub;
  // With a hub the hub's own k and pool decide; the reply has the same shape (CompareSchema).
  if (hub) return hubCompare(hub, opened.model.version, keys, own, request) as ReturnType<typeof comparePool>;
  return comparePool(deps.database.db, deps.config.benchmark.k, opened.model.version, keys, own, request);
}

/** The comparison itself, given the user's levels: what the bench times. */
export async function comparePool(
  db: Kysely<Database>,
  k: number,
  modelVersion: string,
  keys: readonly string[],
  own: Record<string, BenchmarkLevel>,
  request: CompareRequest,
  pool: string = LOCAL_POOL,
) {
  const base = { pool, modelVersion };
  const count = (filters: GroupFilters, types: readonly string[] = request.types) =>
    countSubmissions(db, { ...base, profile: filters, types });
  const size = await count(request.filters);
  const verdict = await checkGroup(request.filters, size, k, count);
  if (verdict.status === 'refused') {
    return {
      status: 'refused' as const,
      reason: verdict.reason,
      k,
      message: refusalMessage(verdict.reason, k),
      suggestion: verdict.suggestion ? { filters: verdict.suggestion } : null,
    };
  }
  // A type filter is one more way to split a group: the same differencing rule applies to it.
  if (request.types.length < ALL_TYPES.length) {
    const difference = (await count(request.filters, ALL_TYPES)) - size;
    if (difference > 0 && difference < k)
      return {
        status: 'refused' as const,
        reason: 'difference-too-small' as const,
        k,
        message: refusalMessage('difference-too-small', k),
        suggestion: { filters: request.filters },
      };
  }

  const rows = await groupSubmissions(db, { ...base, profile: request.filters, types: request.types });
  const weight = (type: string) =>
    request.weighting === 'trust' ? (TRUST_WEIGHTS[type as AssessmentType] ?? 1) : 1;
  const stats = (values: WeightedValue[], mine: number | null): Stats => {
    const value = mine === null ? null : round2(mine);
    if (values.length < k) return { value, percentile: null, ...EMPTY };
    return {
      value,
      percentile: mine === null ? null : percentileOf(mine, values),
      ...distribution(values, k),
    };
  };
  const overallValues: WeightedValue[] = [];
  for (const row of rows) {
    const v = overallOf(row.levels);
    if (v !== null) overallValues.push({ value: v, weight: weight(row.type) });
  }
  const categories = keys.map((key) => {
    const values: WeightedValue[] = [];
    for (const row of rows) {
      const v = row.levels[key];
      if (typeof v === 'number') values.push({ value: v, weight: weight(row.type) });
    }
    const mine = own[key];
    return { key, ...stats(values, typeof mine === 'number' ? mine : null), size: values.length };
  });
  return {
    status: 'ok' as const,
    synthetic: rows.some((row) => row.synthetic),
    k,
    group: { filters: request.filters, size },
    overall: stats(overallValues, overallOf(own)),
    categories,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
