/** Request and response shapes of the cycle, trend and portfolio routes (also the OpenAPI document). */
import { z } from 'zod';
import { isCalendarDay } from '../../../core/cycles/dates.js';
import { AssessmentSchema } from '../assessments/assessment-schemas.js';
import { StatusSchema, Timestamp } from '../assessments/common-schemas.js';

export const ScopeKey = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .describe('the name of a scope (a CA hierarchy or use case); assessments never given one are in "default"');

const Day = z.string().refine(isCalendarDay, 'must be a calendar day written YYYY-MM-DD');
const Rating = z.number().int().min(1).max(5);

export const ReminderSchema = z
  .object({
    on: z.string().describe('YYYY-MM-DD'),
    isDefault: z.boolean().describe('true: one year after the assessment was made final'),
    state: z
      .enum(['upcoming', 'due', 'overdue'])
      .describe('due from 30 days before the day, overdue after it'),
  })
  .nullable();

export const NextCycleBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("defaults to the previous assessment's title"),
  })
  .nullable()
  .optional();

export const NextCycleResponse = z.object({
  assessment: AssessmentSchema,
  evidenceCopied: z.number().int().describe('evidence items copied, each with its original date'),
});

export const CycleSchema = z.object({
  assessmentId: z.string(),
  scopeKey: z.string(),
  sharedSource: z
    .object({ assessmentId: z.string(), title: z.string() })
    .nullable()
    .describe('while not final: the assessment its Governance and Resources answers come from'),
  baseline: z
    .object({
      assessmentId: z.string(),
      title: z.string(),
      categories: z.record(z.string(), Rating),
      requirements: z.record(z.string(), Rating),
    })
    .nullable()
    .describe('the ratings of the previous cycle this one was started from'),
  reminder: ReminderSchema,
  evidence: z.object({
    maxAgeMonths: z.number().int().describe('PKIMM_EVIDENCE_MAX_AGE_MONTHS'),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        createdAt: Timestamp,
        requirements: z.array(z.string()),
        stale: z.boolean().describe('older than maxAgeMonths'),
      }),
    ),
  }),
});

export const CycleChangeBody = z
  .object({
    scopeKey: ScopeKey.optional(),
    reminderOn: Day.nullable().optional().describe('a day for re-assessment; null goes back to the default'),
    sharedSourceId: z
      .string()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .describe('take Governance and Resources answers from this assessment; null answers them here'),
  })
  .refine(
    (b) => b.scopeKey !== undefined || b.reminderOn !== undefined || b.sharedSourceId !== undefined,
    'give scopeKey, reminderOn or sharedSourceId',
  );

export const TrendSchema = z.object({
  scopeKey: z.string(),
  categories: z.array(z.object({ key: z.string(), name: z.string() })),
  points: z.array(
    z.object({
      assessmentId: z.string(),
      title: z.string(),
      at: z.string(),
      overall: z.number().nullable(),
      categories: z.record(z.string(), z.number().nullable()).describe('raw level by category key'),
    }),
  ),
});

const ScopeLevel = z.object({ scopeKey: z.string(), raw: z.number() });
const RolledUp = z.object({
  raw: z.number().nullable().describe('weighted mean of the scopes that have a level'),
  weightSum: z.number(),
  bottleneck: ScopeLevel.nullable().describe('the scope with the lowest level'),
  scopes: z.array(ScopeLevel),
});

export const PortfolioSchema = z.object({
  scopes: z.array(
    z.object({
      scopeKey: z.string(),
      weight: z.number(),
      assessment: z.object({
        id: z.string(),
        title: z.string(),
        status: StatusSchema,
        at: z.string(),
        overall: z.number().nullable(),
      }),
      assessments: z.number().int(),
      finals: z.number().int(),
      reminder: ReminderSchema,
    }),
  ),
  overall: RolledUp,
  categories: z.array(RolledUp.extend({ key: z.string(), name: z.string() })),
});

export const WeightsBody = z.object({
  weights: z
    .record(ScopeKey, z.number().min(0, 'must be 0 or more').max(1000, 'must be at most 1000'))
    .refine((w) => Object.keys(w).length > 0, 'give at least one scope'),
});

export const OrgCyclesSchema = z.object({
  assessments: z.array(
    z.object({
      assessmentId: z.string(),
      title: z.string(),
      status: StatusSchema,
      modelVersion: z.string(),
      scopeKey: z.string(),
      sharedSourceId: z.string().nullable().describe('where its Governance and Resources answers come from'),
      baselineId: z.string().nullable().describe('the previous cycle it was started from'),
      reminder: ReminderSchema,
      isLatestFinal: z.boolean().describe("the scope's latest final assessment: where the next cycle starts"),
    }),
  ),
});
