import { z } from 'zod';
import { CONTROL_STATUSES } from '../../core/crosswalk/crosswalk-view.js';
import { RELATIONSHIPS } from '../../core/crosswalk/crosswalk.types.js';

export const RelationshipSchema = z.enum(RELATIONSHIPS);
const StatusSchema = z.enum(CONTROL_STATUSES);
const SourceSchema = z.enum(['requirement', 'category', 'not-rated', 'not-applicable', 'not-in-model']);

export const PackSummarySchema = z.object({
  id: z.string(),
  framework: z.string(),
  title: z.string(),
  version: z.string().describe("the framework's edition"),
  packVersion: z.string(),
  model: z.string().describe('the model version whose requirement keys the pack uses'),
  authority: z.string().optional(),
  url: z.string().optional(),
  controls: z.number().int(),
  mappings: z.number().int(),
  bundled: z.boolean().describe("false for packs from the operator's PKIMM_CROSSWALKS_DIR"),
});

export const PackSchema = z.object({
  kind: z.literal('pkimm-crosswalk'),
  schemaVersion: z.string(),
  id: z.string(),
  framework: z.string(),
  title: z.string(),
  version: z.string(),
  packVersion: z.string(),
  model: z.string(),
  authority: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  controls: z.array(z.object({ id: z.string(), title: z.string(), group: z.string().optional() })),
  mappings: z.array(
    z.object({
      requirement: z.string(),
      control: z.string(),
      relationship: RelationshipSchema,
      rationale: z.string(),
    }),
  ),
});

export const AuditEntrySchema = z.object({
  audit: z.string(),
  reportUrl: z.string(),
  date: z.string(),
  framework: z.string().optional(),
  note: z.string().optional(),
});

export const AuditCreditSchema = z.object({
  requirement: z.string(),
  audit: z.string(),
  reportUrl: z.string(),
  date: z.string(),
  framework: z.string().optional(),
  note: z.string().optional(),
});

const SupportRowSchema = z.object({
  requirement: z.string().describe('the key the pack uses'),
  key: z.string().optional().describe("the key in the assessment's model version"),
  position: z.string().optional(),
  name: z.string().optional(),
  relationship: RelationshipSchema,
  rationale: z.string(),
  level: z.number().int(),
  levelName: z.string().optional(),
  source: SourceSchema,
  counts: z.boolean().describe('whether the requirement takes part in the status rule'),
  meets: z.boolean().describe('level at or above the threshold, or covered by an audit'),
  audit: AuditCreditSchema.optional(),
});

export const CrosswalkViewSchema = z.object({
  version: z.number().int().describe("the assessment's version the view was computed from"),
  pack: z.object({
    id: z.string(),
    framework: z.string(),
    title: z.string(),
    version: z.string(),
    packVersion: z.string(),
    model: z.string(),
  }),
  assessment: z.object({ title: z.string(), modelVersion: z.string() }),
  rule: z.object({ threshold: z.number().int(), thresholdName: z.string() }),
  summary: z.object({
    controls: z.number().int(),
    supported: z.number().int(),
    'partly-supported': z.number().int(),
    gap: z.number().int(),
  }),
  controls: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      group: z.string().optional(),
      status: StatusSchema,
      supports: z.array(SupportRowSchema),
    }),
  ),
  gaps: z.array(
    z.object({
      requirement: z.string(),
      key: z.string(),
      position: z.string(),
      name: z.string(),
      level: z.number().int(),
      source: SourceSchema,
      controls: z.array(z.string()),
    }),
  ),
  audited: z.array(
    AuditCreditSchema.extend({ position: z.string(), name: z.string(), controls: z.array(z.string()) }),
  ),
});
