import type { AssessmentType } from '../assessment/assessment.types.js';
import type { BenchmarkPayload } from './payload.js';
import { PROFILE_LISTS, PROFILE_FIELDS, type Profile } from './profiles.js';

/** Mulberry32: a small, fast, deterministic PRNG; the same seed always yields the same pool. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: AssessmentType[] = ['self', 'self', 'self', 'formal', 'third-party'];

export interface SyntheticSubmission {
  /** A stand-in for the keyed organisation hash: unique per generated peer. */
  orgHash: string;
  payload: BenchmarkPayload;
}

/**
 * `count` made-up peers for demos, tests and the bench. Each peer has a maturity "base" and
 * categories scattered around it; self-assessments read about half a level higher. Every one
 * is stored with the synthetic flag, and every result that uses one says so.
 */
export function syntheticPool(
  count: number,
  options: { seed: number; modelVersion: string; categoryKeys: readonly string[]; quarter: string },
): SyntheticSubmission[] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const out: SyntheticSubmission[] = [];
  for (let i = 0; i < count; i++) {
    const profile = Object.fromEntries(
      PROFILE_FIELDS.map((field) => [field, pick(PROFILE_LISTS[field]).code]),
    ) as Profile;
    const type = pick(TYPES);
    const base = 0.5 + random() * 3.5 + (type === 'self' ? 0.5 : 0);
    const levels: BenchmarkPayload['levels'] = {};
    for (const key of options.categoryKeys) {
      if (random() < 0.05) levels[key] = 'n/a';
      else levels[key] = Math.round(Math.max(0, Math.min(5, base + (random() - 0.5) * 2)) * 100) / 100;
    }
    out.push({
      orgHash: `synthetic-${options.seed}-${i}`,
      payload: { modelVersion: options.modelVersion, type, quarter: options.quarter, profile, levels },
    });
  }
  return out;
}
