import { z } from 'zod';
import { DocumentSchema, StatusSchema, Timestamp } from './common-schemas.js';
import { OverallSchema } from './score-schema.js';

const TypeSchema = z.enum(['self', 'formal', 'third-party']);
const ModeSchema = z.enum(['self', 'full']);
const ModelRef = z.object({ id: z.string(), version: z.string() });
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const AssessmentSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  title: z.string(),
  model: ModelRef,
  mode: ModeSchema,
  type: TypeSchema.nullable(),
  status: StatusSchema,
  version: z
    .number()
    .int()
    .describe('also sent as the ETag; send it back as If-Match to change the assessment'),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  document: DocumentSchema,
});

export const SummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  model: ModelRef,
  mode: ModeSchema,
  type: TypeSchema.nullable(),
  status: StatusSchema,
  version: z.number().int(),
  overall: z.object({
    level: z.number().int().nullable(),
    name: z.string().nullable(),
    raw: z.number().nullable(),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const AssessorSchema = z.strictObject({
  name: Text(200).optional(),
  company: Text(200).optional(),
  position: z.enum(['internal', 'external']).optional(),
});
const DatesSchema = z.strictObject({
  start: Text(40).optional(),
  target: Text(40).optional(),
  finish: Text(40).optional(),
});
const ScopeSchema = z.strictObject({
  description: Text(20_000).optional(),
  components: Text(20_000).optional(),
  outOfScope: Text(20_000).optional(),
  highLevelDesign: Text(20_000).optional(),
  pointsOfInteraction: Text(20_000).optional(),
});
const Title = z.string().trim().min(1, 'must not be empty').max(300);

export const CreateBody = z.strictObject({
  title: Title,
  model: z.strictObject({ id: z.string().min(1).default('pkimm'), version: z.string().min(1) }),
  mode: ModeSchema,
  type: TypeSchema.optional(),
  organisation: Text(300).optional(),
  assessor: AssessorSchema.optional(),
  dates: DatesSchema.optional(),
  scope: ScopeSchema.optional(),
});

export const MetadataBody = z.strictObject({
  title: Title.optional(),
  type: TypeSchema.nullable().optional(),
  organisation: Text(300).nullable().optional(),
  assessor: AssessorSchema.nullable().optional(),
  dates: DatesSchema.nullable().optional(),
  scope: ScopeSchema.nullable().optional().describe('replaces the whole scope; null clears it'),
});

export const StatusBody = z.strictObject({ status: StatusSchema });

export const RevisionSchema = z.object({
  version: z.number().int().describe('the version this change produced'),
  actor: z.object({ userId: z.string(), email: z.string().nullable() }),
  at: Timestamp,
  kind: z.string().describe('what changed, e.g. requirement.level, metadata, status, import, restore'),
  path: z
    .array(z.string())
    .describe('where in the document: e.g. ["requirements", "G.x.y"]; [] for top-level keys'),
  before: z.unknown().describe('the entry before (null: absent)'),
  after: z.unknown().describe('the entry after (null: absent)'),
});

export const AnswerResultSchema = z.object({
  version: z.number().int(),
  change: z.record(z.string(), z.unknown()).describe('the change as applied'),
  score: z.object({ overall: OverallSchema }),
});
