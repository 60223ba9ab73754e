import { z } from 'zod';
import { EVIDENCE_RULE_OFF } from '../../core/assurance/signoff/profile.js';
import { IdParam, Timestamp } from './assessments/common-schemas.js';

/** Display names keyed by user id: every account a reply mentions, so clients need no lookup per id. */
const Names = z.record(z.string(), z.string()).describe('display name of every user id mentioned');

export const ProfileBody = z.strictObject({
  evidenceFromLevel: z
    .number()
    .int()
    .min(1)
    .max(EVIDENCE_RULE_OFF)
    .describe(
      `ratings at or above this level need evidence reviewed as supporting; ${EVIDENCE_RULE_OFF} = none`,
    ),
  approvers: z.array(IdParam).max(20).describe('user ids; every one must approve the same version'),
});

export const ProfileSchema = z.object({
  evidenceFromLevel: z.number().int(),
  approvers: z.array(z.string()),
  stored: z.boolean().describe('false while the default applies'),
  updatedBy: z.string().nullable(),
  updatedAt: Timestamp.nullable(),
  names: Names,
});

export const ApprovalBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(4000).default(''),
});

export const ApprovalSchema = z.object({
  id: z.number().int(),
  userId: z.string(),
  version: z.number().int().describe('the assessment version decided on; any later change voids it'),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  at: Timestamp,
});

export const SignOffSchema = z.object({
  assessmentId: z.string(),
  approvedVersion: z.number().int(),
  version: z.number().int().describe('the final version, frozen from now on'),
  approvers: z.array(z.string()),
  attestationId: z.string().nullable(),
  at: Timestamp,
});

export const ApprovalOutcomeSchema = z.object({
  approval: ApprovalSchema,
  signOff: SignOffSchema.nullable().describe('set when this approval completed the sign-off'),
});

export const ApprovalsSchema = z.object({
  version: z.number().int(),
  approvers: z.array(z.string()),
  pending: z.array(z.string()).describe('named approvers without an approval of the current version'),
  approvals: z.array(ApprovalSchema),
  signOff: SignOffSchema.nullable(),
  names: Names,
});

export const CorrectionBody = z.strictObject({
  reason: z
    .string()
    .max(4000)
    .refine((v) => v.trim().length > 0, 'must not be empty'),
});

export const CorrectionSchema = z.object({
  correctionId: z.string(),
  originalId: z.string(),
  title: z.string().describe('the title of the assessment on the other side of the link'),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: Timestamp,
});

export const CorrectionsSchema = z.object({
  correctionOf: CorrectionSchema.nullable().describe('the signed-off assessment this one corrects'),
  corrections: z.array(CorrectionSchema).describe('corrections made of this assessment'),
});
