import { z } from 'zod';
import { PARTICIPANT_ROLES, REVIEW_STATUSES } from '../../core/assurance/workflow/workflow.types.js';
import type { ParticipantRole, ReviewStatus } from '../../core/assurance/workflow/workflow.types.js';
import { IdParam, Timestamp } from './assessments/common-schemas.js';

export const ParticipantRoleSchema = z.enum(
  PARTICIPANT_ROLES as readonly [ParticipantRole, ...ParticipantRole[]],
);
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES as readonly [ReviewStatus, ...ReviewStatus[]]);
export const RequirementKeyParam = z.string().min(1).max(200);

/** Text someone must actually write: surrounding blanks do not count. */
const Text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => v.trim().length > 0, 'must not be empty');

export const StatementSchema = z.object({
  independence: z.string(),
  qualification: z.string(),
  statedAt: Timestamp,
});

export const ParticipantSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: ParticipantRoleSchema,
  external: z.boolean().describe('true for an account invited to this assessment only'),
  addedBy: z.string(),
  addedAt: Timestamp,
  statement: StatementSchema.nullable(),
});

export const AddParticipantBody = z.object({ userId: IdParam, role: ParticipantRoleSchema });
export const StatementBody = z.object({ independence: Text(4000), qualification: Text(4000) });

export const ReviewSchema = z.object({
  key: z.string(),
  status: ReviewStatusSchema,
  comment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: Timestamp.nullable(),
});
export const ReviewBody = z.object({ status: ReviewStatusSchema, comment: z.string().max(4000).optional() });

export const QuestionSchema = z.object({
  id: z.string(),
  key: z.string(),
  question: z.string(),
  askedBy: z.string(),
  askedAt: Timestamp,
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
});
export const AskBody = z.object({ key: RequirementKeyParam, question: Text(4000) });
export const AnswerBody = z.object({ answer: Text(4000) });
export const QuestionQuery = z.object({
  status: z.enum(['open', 'answered']).optional(),
  key: RequirementKeyParam.optional(),
});

export const RespondentRatingBody = z.object({
  level: z.number().int().min(1).max(5),
  note: z.string().max(4000).optional(),
});
export const ConsensusBody = z.object({
  level: z.number().int().min(0).max(5).describe('0 clears the rating'),
  note: z.string().max(4000).optional(),
});

export const RespondentRatingsSchema = z.object({
  key: z.string(),
  assessmentLevel: z.number().int(),
  ratings: z.array(
    z.object({
      userId: z.string(),
      email: z.string(),
      name: z.string(),
      level: z.number().int(),
      note: z.string().nullable(),
      updatedAt: Timestamp,
    }),
  ),
  spread: z.object({
    count: z.number().int(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    median: z.number().nullable(),
    counts: z.record(z.string(), z.number().int()),
  }),
  consensus: z
    .object({
      level: z.number().int(),
      note: z.string().nullable(),
      version: z.number().int(),
      decidedBy: z.string(),
      decidedAt: Timestamp,
    })
    .nullable(),
});
