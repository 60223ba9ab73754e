import type { ScoreReport } from '../scoring/score.types.js';

/** One scope of an organisation with the assessment that represents it and its weight. */
export interface ScopeInput {
  scopeKey: string;
  weight: number;
  assessmentId: string;
  score: ScoreReport;
}

export interface ScopeLevel {
  scopeKey: string;
  raw: number;
}

export interface RolledUp {
  /** Weighted mean over the scopes where it has a level; null when none has one. */
  raw: number | null;
  /** Σ weight of the scopes that counted. */
  weightSum: number;
  /** The scope with the lowest level: the one that holds this back. Null when none counted. */
  bottleneck: ScopeLevel | null;
  /** Each scope's own level, in input order; scopes without one are left out. */
  scopes: ScopeLevel[];
}

export interface PortfolioRollUp {
  overall: RolledUp;
  categories: ({ key: string; name: string } & RolledUp)[];
}

/**
 * Rolls several scopes up: per category and overall, the weighted mean of the scopes' raw
 * levels. A scope that did not assess a category (or has weight 0) does not pull it down;
 * the remaining weights count in proportion. Ties for the bottleneck go to the first scope.
 */
export function rollUp(inputs: readonly ScopeInput[]): PortfolioRollUp {
  const names = new Map<string, string>();
  for (const input of inputs) {
    for (const category of input.score.categories) {
      if (!names.has(category.key)) names.set(category.key, category.name);
    }
  }
  const overall = combine(inputs.map((input) => ({ input, raw: input.score.overall.raw })));
  const categories = [...names].map(([key, name]) => ({
    key,
    name,
    ...combine(
      inputs.map((input) => ({
        input,
        raw: input.score.categories.find((c) => c.key === key)?.raw ?? null,
      })),
    ),
  }));
  return { overall, categories };
}

function combine(values: { input: ScopeInput; raw: number | null }[]): RolledUp {
  let weighted = 0;
  let weightSum = 0;
  const scopes: ScopeLevel[] = [];
  let bottleneck: ScopeLevel | null = null;
  for (const { input, raw } of values) {
    if (raw === null) continue;
    const level = { scopeKey: input.scopeKey, raw };
    scopes.push(level);
    if (bottleneck === null || raw < bottleneck.raw) bottleneck = level;
    if (input.weight > 0) {
      weighted += input.weight * raw;
      weightSum += input.weight;
    }
  }
  return { raw: weightSum > 0 ? weighted / weightSum : null, weightSum, bottleneck, scopes };
}
