import type { Roadmap } from './roadmap.types.js';

/**
 * The CLI's contract (`pkimm roadmap FILE --format json`): the ranked steps, exactly these keys.
 * `requirement` is the requirement key, or the category key for a self-rated category.
 */
export function roadmapStepsToJson(roadmap: Roadmap) {
  return roadmap.steps.map((step) => ({
    requirement: step.key,
    from: step.from,
    to: step.to,
    overallAfter: step.after.overall.raw,
  }));
}

/** Parses a target level given as text (a CLI option or a query string), or undefined when it is not 1..5. */
export function parseTargetLevel(text: string): 1 | 2 | 3 | 4 | 5 | undefined {
  return /^[1-5]$/.test(text.trim()) ? (Number(text.trim()) as 1 | 2 | 3 | 4 | 5) : undefined;
}
