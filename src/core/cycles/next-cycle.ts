import type {
  Assessment,
  CategoryAnswer,
  Rating,
  RequirementAnswer,
  ScopeDecision,
} from '../assessment/assessment.types.js';

/** The previous cycle's ratings, by category and requirement key (only what was rated). */
export interface Baseline {
  categories: Record<string, Rating>;
  requirements: Record<string, Rating>;
}

export function baselineOf(assessment: Assessment): Baseline {
  return {
    categories: ratedOnly(assessment.categories),
    requirements: ratedOnly(assessment.requirements),
  };
}

function ratedOnly(answers: Record<string, { level: Rating }>): Record<string, Rating> {
  const out: Record<string, Rating> = {};
  for (const [key, answer] of Object.entries(answers)) if (answer.level > 0) out[key] = answer.level;
  return out;
}

/**
 * The next cycle's starting document: same model, mode, type, organisation and scope, and the
 * same applicability decisions (with their reasons), but no ratings, notes or flags. The
 * previous ratings are a baseline to compare against, not answers: a cycle that starts from
 * last year's levels invites confirming them instead of assessing again. Dates start empty.
 */
export function nextCycleAssessment(previous: Assessment, id: string, title: string): Assessment {
  const next: Assessment = {
    id,
    title,
    model: { ...previous.model },
    mode: previous.mode,
    modules: cloneDecisions(previous.modules),
    categories: scopeOnly<CategoryAnswer>(previous.categories, (d) => ({ ...d, level: 0 })),
    requirements: scopeOnly<RequirementAnswer>(previous.requirements, (d) => ({ ...d, level: 0 })),
    extensions: previous.extensions.map((e) => ({ ...e })),
    relevance: {},
  };
  if (previous.type !== undefined) next.type = previous.type;
  if (previous.organisation !== undefined) next.organisation = previous.organisation;
  if (previous.assessor !== undefined) next.assessor = { ...previous.assessor };
  if (previous.scope !== undefined) next.scope = { ...previous.scope };
  return next;
}

/** Said when an imported official export gave none, so the decision still validates. */
export const CARRIED_REASON = 'carried over from the previous cycle';

function decisionOf(answer: ScopeDecision): ScopeDecision {
  if (answer.applicability === 'applicable') return { applicability: 'applicable' };
  return { applicability: answer.applicability, reason: answer.reason ?? CARRIED_REASON };
}

function cloneDecisions<K extends string>(
  decisions: Partial<Record<K, ScopeDecision>>,
): Partial<Record<K, ScopeDecision>> {
  const out: Partial<Record<K, ScopeDecision>> = {};
  for (const [key, decision] of Object.entries(decisions) as [K, ScopeDecision | undefined][]) {
    if (decision) out[key] = decisionOf(decision);
  }
  return out;
}

/** Keeps only the entries whose scope was decided (not plain applicable), without their answers. */
function scopeOnly<T>(
  answers: Record<string, ScopeDecision>,
  make: (decision: ScopeDecision) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, answer] of Object.entries(answers)) {
    if (answer.applicability !== 'applicable') out[key] = make(decisionOf(answer));
  }
  return out;
}
