/**
 * An assessment as pkimm holds it in memory, independent of the file it came from.
 * Our own file format (docs/assessment-format.md) maps onto it one to one; the official
 * self-assessment export is converted to and from it by src/core/formats/official/.
 */
import type { ModuleId } from '../model/model.types.js';
import type { RoadmapSettings } from '../roadmap/roadmap-settings.js';
import type { AuditCredits } from '../crosswalk/audit-credits.js';
import type { ActionPlans } from '../plans/plan.types.js';

/** 0 means not assessed; 1..5 are the levels. */
export type Rating = 0 | 1 | 2 | 3 | 4 | 5;

/** Scoping decision for a module, category or requirement. Partial still counts as in scope. */
export type Applicability = 'applicable' | 'partial' | 'not-applicable';

export type AssessmentMode = 'self' | 'full';
/** The methodology's methods: self (low trust), formal (medium), independent third party (high). */
export type AssessmentType = 'self' | 'formal' | 'third-party';

export interface ScopeDecision {
  applicability: Applicability;
  /** Why it is not (or only partly) applicable. */
  reason?: string;
}

export interface CategoryAnswer extends ScopeDecision {
  /** The self-declared level: the answer in self mode, the fallback in full mode. */
  level: Rating;
  notes?: string;
  /** Fields pkimm does not interpret but must keep (e.g. the official app's display strings), in their original order. */
  extra?: Record<string, unknown>;
}

export interface RequirementAnswer extends ScopeDecision {
  level: Rating;
  notes?: string;
  evidence?: string;
  flagged?: boolean;
  flagNote?: string;
  completed?: boolean;
  /** ISO timestamp of the last change, when known. */
  updatedAt?: string;
  /** Fields pkimm does not interpret but must keep (e.g. workspace links from the official app), in their original order. */
  extra?: Record<string, unknown>;
}

/** A self-rated relevance criterion of an enabled extension, keyed `{ext}.{module}.{category}`. */
export interface RelevanceAnswer extends ScopeDecision {
  level: Rating;
  notes?: string;
  extra?: Record<string, unknown>;
}

export interface AssessorDetails {
  name?: string;
  company?: string;
  position?: 'internal' | 'external';
}

export interface AssessmentScope {
  /** The use case being assessed. */
  description?: string;
  components?: string;
  outOfScope?: string;
  highLevelDesign?: string;
  pointsOfInteraction?: string;
}

export interface Assessment {
  id?: string;
  title: string;
  model: { id: string; version: string };
  mode: AssessmentMode;
  type?: AssessmentType;
  organisation?: string;
  assessor?: AssessorDetails;
  dates?: { start?: string; target?: string; finish?: string };
  scope?: AssessmentScope;
  modules: Partial<Record<ModuleId, ScopeDecision>>;
  categories: Record<string, CategoryAnswer>;
  requirements: Record<string, RequirementAnswer>;
  extensions: { id: string; version: string }[];
  relevance: Record<string, RelevanceAnswer>;
  /** Targets and track overrides for the roadmap (src/core/roadmap). */
  roadmap?: RoadmapSettings;
  /** Action plans by plan id (src/core/plans). */
  plans?: ActionPlans;
  /** Requirements an existing audit already answers (src/core/crosswalk/audit-credits.ts). */
  audits?: AuditCredits;
  /**
   * Set when the data came from an official self-assessment export. The official app does
   * not require a reason for not-applicable, so validation accepts a missing one here.
   */
  importedFrom?: 'official';
  /**
   * Data from the official self-assessment export that has no place above (workspace,
   * action plans, revision metadata, …), kept verbatim so a conversion back is lossless.
   */
  preserved?: Record<string, unknown>;
}
