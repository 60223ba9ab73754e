import { z } from 'zod';
import { applicabilitySchema } from '../../../core/assessment/assessment.schema.js';

const Target = z.enum(['module', 'category', 'requirement', 'relevance']);
const Key = z
  .string()
  .min(1)
  .max(300)
  .describe('e.g. G.strategy-and-vision.sponsor-support; a module is G, M, O or R');
const common = { target: Target, key: Key };

/**
 * One autosave change. Which fields a target has is checked by the service (a module has
 * only applicability; categories and relevance have level, applicability and notes).
 */
export const AnswerChangeBody = z.discriminatedUnion('field', [
  z.strictObject({
    ...common,
    field: z.literal('level'),
    value: z.literal([0, 1, 2, 3, 4, 5], {
      error: 'level must be a whole number from 0 to 5 (0 = not assessed)',
    }),
  }),
  z
    .strictObject({
      ...common,
      field: z.literal('applicability'),
      value: applicabilitySchema,
      reason: z.string().trim().min(1, 'must not be empty').max(5_000).optional(),
    })
    .refine((change) => change.value === 'applicable' || change.reason !== undefined, {
      path: ['reason'],
      error: 'a reason is required when applicability is partial or not-applicable',
    }),
  z.strictObject({
    ...common,
    field: z.enum(['notes', 'evidence', 'flagNote']),
    value: z.string().max(50_000).nullable().describe('null or "" clears it'),
  }),
  z.strictObject({ ...common, field: z.enum(['flagged', 'completed']), value: z.boolean() }),
]);
