import type {
  Applicability,
  Assessment,
  CategoryAnswer,
  RelevanceAnswer,
  RequirementAnswer,
  ScopeDecision,
} from './assessment.types.js';
import { pkimmAssessmentSchema, type PkimmAssessmentDocument } from './assessment.schema.js';
import { compact, compactOrUndefined, setOwn } from './compact.js';
import type { PathIssue } from './path-issue.js';
import { protoKeyIssues } from './proto-keys.js';
import { zodIssuesToPathIssues } from './zod-issues.js';
import { normaliseAudits, type AuditCredits } from '../crosswalk/audit-credits.js';
import { compactRoadmapSettings, type RoadmapSettings } from '../roadmap/roadmap-settings.js';
import { normalisePlans } from '../plans/plan-document.js';
import type { ActionPlans } from '../plans/plan.types.js';

export interface ParsedAssessment {
  /** Present when the shape is valid; check it against its model with validateAgainstModel. */
  assessment?: Assessment;
  issues: PathIssue[];
}

/**
 * Reads a pkimm-assessment document (already parsed from YAML or JSON) into an Assessment.
 * Defaults are filled in (level 0, applicable, empty maps) and empty optional objects are
 * dropped, so reading what serializeAssessment wrote gives back equal data. Keys are kept
 * as written, even unknown ones, so that validateAgainstModel can name them.
 */
export function parsePkimmAssessment(value: unknown): ParsedAssessment {
  const unsafe = protoKeyIssues(value);
  if (unsafe.length > 0) return { issues: unsafe };
  const result = pkimmAssessmentSchema.safeParse(value);
  if (!result.success) return { issues: zodIssuesToPathIssues(result.error.issues, value) };
  return { assessment: toAssessment(result.data), issues: [] };
}

function toAssessment(doc: PkimmAssessmentDocument): Assessment {
  const assessor = compactOrUndefined(doc.assessor ?? {});
  const dates = compactOrUndefined(doc.dates ?? {});
  const scope = compactOrUndefined(doc.scope ?? {});
  const preserved = doc.preserved && Object.keys(doc.preserved).length > 0 ? doc.preserved : undefined;
  return {
    ...compact({ id: doc.id, type: doc.type, organisation: doc.organisation }),
    title: doc.title,
    model: { id: doc.model.id, version: doc.model.version },
    mode: doc.mode,
    ...(assessor ? { assessor } : {}),
    ...(dates ? { dates } : {}),
    ...(scope ? { scope } : {}),
    // Module keys stay as written (even invalid ones) so validation can report them.
    modules: mapValues(doc.modules ?? {}, decisionOf),
    categories: mapValues(doc.categories ?? {}, categoryOf),
    requirements: mapValues(doc.requirements ?? {}, requirementOf),
    extensions: (doc.extensions ?? []).map((extension) => ({ id: extension.id, version: extension.version })),
    relevance: mapValues(doc.relevance ?? {}, categoryOf) satisfies Record<string, RelevanceAnswer>,
    ...roadmapOf(doc.roadmap),
    ...plansOf(doc.plans),
    ...auditsOf(doc.audits),
    ...(doc.importedFrom ? { importedFrom: doc.importedFrom } : {}),
    ...(preserved ? { preserved } : {}),
  };
}

type DecisionInput = { applicability?: Applicability | undefined; reason?: string | undefined };
type CategoryInput = NonNullable<PkimmAssessmentDocument['categories']>[string];
type RequirementInput = NonNullable<PkimmAssessmentDocument['requirements']>[string];

function decisionOf(input: DecisionInput): ScopeDecision {
  return { applicability: input.applicability ?? 'applicable', ...compact({ reason: input.reason }) };
}

function categoryOf(input: CategoryInput): CategoryAnswer {
  return {
    level: input.level ?? 0,
    ...decisionOf(input),
    ...compact({ notes: input.notes }),
    ...extraOf(input.extra),
  };
}

function requirementOf(input: RequirementInput): RequirementAnswer {
  const { level, applicability: _a, reason: _r, extra, ...rest } = input;
  return { level: level ?? 0, ...decisionOf(input), ...compact(rest), ...extraOf(extra) };
}

function plansOf(value: PkimmAssessmentDocument['plans']): { plans?: ActionPlans } {
  const plans = normalisePlans(value);
  return plans ? { plans } : {};
}

function auditsOf(value: PkimmAssessmentDocument['audits']): { audits?: AuditCredits } {
  const audits = normaliseAudits(value as AuditCredits | undefined);
  return audits ? { audits } : {};
}

function roadmapOf(value: PkimmAssessmentDocument['roadmap']): { roadmap?: RoadmapSettings } {
  const roadmap = value && compactRoadmapSettings(value);
  return roadmap ? { roadmap } : {};
}

function extraOf(extra: Record<string, unknown> | undefined): { extra?: Record<string, unknown> } {
  return extra && Object.keys(extra).length > 0 ? { extra } : {};
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) setOwn(out, key, map(value));
  return out as Record<string, U>;
}
