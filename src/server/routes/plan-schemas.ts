/**
 * Response shapes of the plan routes (the web app imports their types). Requests are checked
 * by the service against the core plan schema, which words its problems with exact paths.
 */
import { z } from 'zod';
import { PLAN_STATUSES } from '../../core/plans/plan.types.js';

export const PlanSchema = z
  .object({
    subject: z.string(),
    title: z.string().optional(),
    status: z.enum(PLAN_STATUSES),
    targetLevel: z.number().int().optional(),
    objectives: z.array(z.string()).optional(),
    responsible: z.string().optional(),
    schedule: z.object({ start: z.string().optional(), due: z.string().optional() }).optional(),
    resources: z.string().optional(),
    dependencies: z.string().optional(),
    outputs: z.array(z.string()).optional(),
    tasks: z.array(z.object({ label: z.string(), done: z.boolean() })).optional(),
    comments: z.string().optional(),
    extra: z.record(z.string(), z.unknown()).optional(),
  })
  .describe('an action plan (docs/assessment-format.md, "Action plans")');

export const PlanReplySchema = z.object({
  id: z.string(),
  plan: PlanSchema.nullable(),
  version: z.number().int(),
});

export const PlanEntrySchema = z.object({
  assessmentId: z.string(),
  assessmentTitle: z.string(),
  planId: z.string(),
  subjectName: z.string(),
  plan: PlanSchema,
  overdue: z.boolean(),
});

export const PlanListSchema = z.object({
  today: z.string().describe('the server day (UTC) overdue is decided against'),
  version: z.number().int().optional(),
  plans: z.array(PlanEntrySchema),
});

export type PlanView = z.infer<typeof PlanSchema>;
export type PlanReplyView = z.infer<typeof PlanReplySchema>;
export type PlanEntryView = z.infer<typeof PlanEntrySchema>;
export type PlanListView = z.infer<typeof PlanListSchema>;
