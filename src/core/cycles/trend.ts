import type { ScoreReport } from '../scoring/score.types.js';

/** One final assessment of a scope, scored, with the day it counts for. */
export interface TrendInput {
  assessmentId: string;
  title: string;
  /** ISO date or timestamp the assessment is placed at (its finish date or when it was made final). */
  at: string;
  score: ScoreReport;
}

export interface TrendPoint {
  assessmentId: string;
  title: string;
  at: string;
  overall: number | null;
  /** Raw level per category key; null when the category was not assessed or not applicable. */
  categories: Record<string, number | null>;
}

export interface TrendSeries {
  /** Every category that appears in any point, in the order of the first assessment's model. */
  categories: { key: string; name: string }[];
  points: TrendPoint[];
}

/** The raw levels over time, oldest first (ties by id so the order is stable). */
export function trendSeries(inputs: readonly TrendInput[]): TrendSeries {
  const sorted = [...inputs].sort(
    (a, b) => a.at.localeCompare(b.at) || a.assessmentId.localeCompare(b.assessmentId),
  );
  const categories = new Map<string, string>();
  const points = sorted.map((input): TrendPoint => {
    const levels: Record<string, number | null> = {};
    for (const category of input.score.categories) {
      if (!categories.has(category.key)) categories.set(category.key, category.name);
      levels[category.key] = category.raw;
    }
    return {
      assessmentId: input.assessmentId,
      title: input.title,
      at: input.at,
      overall: input.score.overall.raw,
      categories: levels,
    };
  });
  return { categories: [...categories].map(([key, name]) => ({ key, name })), points };
}
