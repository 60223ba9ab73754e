/**
 * The shape of one action plan and of the `plans` map in our file format. Dates must be real
 * calendar days and a due date may not come before the start; whether the subject exists in
 * the model is checked by validatePlansAgainstModel.
 */
import { z } from 'zod';
import { PLAN_STATUSES } from './plan.types.js';

export const PLAN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const PLAN_ID_PROBLEM =
  'a plan id is 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit';

/** True for an existing calendar day written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

const isoDate = z.string().refine(isIsoDate, {
  error: (issue) => `must be a calendar date YYYY-MM-DD (got ${JSON.stringify(issue.input)})`,
});

export const planScheduleSchema = z
  .strictObject({ start: isoDate.optional(), due: isoDate.optional() })
  .superRefine((schedule, ctx) => {
    if (
      schedule.start &&
      schedule.due &&
      isIsoDate(schedule.start) &&
      isIsoDate(schedule.due) &&
      schedule.due < schedule.start
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['due'],
        message: `the due date ${schedule.due} is before the start ${schedule.start}`,
      });
    }
  });

export const planTaskSchema = z.strictObject({
  label: z.string().min(1, 'a task needs a label'),
  done: z.boolean(),
});

export const actionPlanSchema = z.strictObject({
  subject: z.string().min(1, 'a plan needs a subject: a category or requirement key'),
  title: z.string().optional(),
  status: z.enum(PLAN_STATUSES),
  targetLevel: z
    .number()
    .int()
    .min(1, 'the target level must be 1 to 5')
    .max(5, 'the target level must be 1 to 5')
    .optional(),
  objectives: z.array(z.string()).optional(),
  responsible: z.string().optional(),
  schedule: planScheduleSchema.optional(),
  resources: z.string().optional(),
  dependencies: z.string().optional(),
  outputs: z.array(z.string()).optional(),
  tasks: z.array(planTaskSchema).optional(),
  comments: z.string().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
});

// Ids are checked here rather than as a key schema, whose problem zod words only as "Invalid key".
export const actionPlansSchema = z.record(z.string(), actionPlanSchema).superRefine((plans, ctx) => {
  for (const id of Object.keys(plans))
    if (!PLAN_ID_PATTERN.test(id))
      ctx.addIssue({ code: 'custom', path: [id], message: `${PLAN_ID_PROBLEM} (got ${JSON.stringify(id)})` });
});
