/**
 * The shape of a pkimm-assessment document (docs/assessment-format.md), checked with zod.
 * Only the shape lives here; whether keys exist in the model is validate-against-model.ts.
 */
import { z } from 'zod';
import { actionPlansSchema } from '../plans/plan.schema.js';
import type { Rating } from './assessment.types.js';
import { isRating, ratingProblem } from './rating.js';
import { roadmapSettingsSchema } from '../roadmap/roadmap-settings.js';
import { auditCreditsSchema } from '../crosswalk/audit-credits.js';

export const PKIMM_FORMAT = 'pkimm-assessment';
export const PKIMM_FORMAT_VERSION = 1;

const text = z.string();
export const EMPTY_REASON = 'a reason must not be empty; leave it out or say why';
export const reasonSchema = z.string().min(1, EMPTY_REASON);
const reason = reasonSchema;
export const levelSchema = z.custom<Rating>(isRating, { error: (issue) => ratingProblem(issue.input) });
const level = levelSchema;
export const applicabilitySchema = z.enum(['applicable', 'partial', 'not-applicable']);
const applicability = applicabilitySchema;
const extra = z.record(z.string(), z.unknown());
const scopeFields = { applicability: applicability.optional(), reason: reason.optional() };

export const moduleDecisionSchema = z.strictObject(scopeFields);
const moduleDecision = moduleDecisionSchema;
const categoryAnswer = z.strictObject({
  level: level.optional(),
  ...scopeFields,
  notes: text.optional(),
  extra: extra.optional(),
});
const relevanceAnswer = categoryAnswer;
const requirementAnswer = z.strictObject({
  level: level.optional(),
  ...scopeFields,
  notes: text.optional(),
  evidence: text.optional(),
  flagged: z.boolean().optional(),
  flagNote: text.optional(),
  completed: z.boolean().optional(),
  updatedAt: text.optional(),
  extra: extra.optional(),
});

/** The fields of a document; the official writer's `x-pkimm` patch reuses their value schemas. */
export const assessmentFieldSchemas = {
  format: z.literal(PKIMM_FORMAT),
  formatVersion: z.literal(PKIMM_FORMAT_VERSION),
  id: z.string().min(1).optional(),
  title: text,
  model: z.strictObject({ id: z.string().min(1), version: z.string().min(1) }),
  mode: z.enum(['self', 'full']),
  type: z.enum(['self', 'formal', 'third-party']).optional(),
  organisation: text.optional(),
  assessor: z
    .strictObject({
      name: text.optional(),
      company: text.optional(),
      position: z.enum(['internal', 'external']).optional(),
    })
    .optional(),
  dates: z
    .strictObject({ start: text.optional(), target: text.optional(), finish: text.optional() })
    .optional(),
  scope: z
    .strictObject({
      description: text.optional(),
      components: text.optional(),
      outOfScope: text.optional(),
      highLevelDesign: text.optional(),
      pointsOfInteraction: text.optional(),
    })
    .optional(),
  importedFrom: z.literal('official').optional(),
  // Module keys are checked against G/M/O/R by validateAgainstModel, for a better message.
  modules: z.record(z.string(), moduleDecision).optional(),
  categories: z.record(z.string(), categoryAnswer).optional(),
  requirements: z.record(z.string(), requirementAnswer).optional(),
  extensions: z.array(z.strictObject({ id: z.string().min(1), version: z.string().min(1) })).optional(),
  relevance: z.record(z.string(), relevanceAnswer).optional(),
  roadmap: roadmapSettingsSchema.optional(),
  plans: actionPlansSchema.optional(),
  audits: auditCreditsSchema.optional(),
  preserved: z.record(z.string(), z.unknown()).optional(),
};

export const pkimmAssessmentSchema = z.strictObject(assessmentFieldSchemas);

export type PkimmAssessmentDocument = z.output<typeof pkimmAssessmentSchema>;
