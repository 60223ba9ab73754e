import { z } from 'zod';
import { isCalendarDate, REGISTER_LIMITS as L } from '../../core/assurance/onsite/registers.js';
import { MAX_PARTICIPANT_NAME } from '../../core/assurance/onsite/participants.js';
import { IdParam, Timestamp } from './assessments/common-schemas.js';

const CalendarDate = z.string().refine(isCalendarDate, 'a calendar date as YYYY-MM-DD');
const RequirementKeys = z
  .array(z.string().min(1).max(300))
  .max(L.requirements)
  .describe("requirement keys of the assessment's model version that this entry informs");

// Texts are stored exactly as sent (no trimming): the register is a record of what was said.
const text = (max: number) => z.string().max(max);

export const ContactBody = z.strictObject({
  name: text(L.shortText).min(1),
  role: text(L.shortText).default(''),
  team: text(L.shortText).default(''),
  requirements: RequirementKeys.default([]),
});

export const ArtifactBody = z.strictObject({
  title: text(L.title).min(1),
  owner: text(L.shortText).default(''),
  version: text(L.version).default(''),
  date: CalendarDate.nullable().default(null),
  locator: text(L.locator)
    .default('')
    .describe('where to find it: a URL, path or shelf mark; never followed'),
  requirements: RequirementKeys.default([]),
});

export const InterviewBody = z.strictObject({
  date: CalendarDate,
  interviewees: z.array(IdParam).max(L.interviewees).default([]).describe('contact ids of this assessment'),
  requirements: RequirementKeys.default([]),
  notes: text(L.notes).default(''),
});

const Meta = {
  id: z.string(),
  createdBy: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const ContactSchema = z.object({
  ...Meta,
  name: z.string(),
  role: z.string(),
  team: z.string(),
  requirements: z.array(z.string()),
});
export const ArtifactSchema = z.object({
  ...Meta,
  title: z.string(),
  owner: z.string(),
  version: z.string(),
  date: z.string().nullable(),
  locator: z.string(),
  requirements: z.array(z.string()),
});
export const InterviewSchema = z.object({
  ...Meta,
  date: z.string(),
  interviewees: z.array(z.string()),
  requirements: z.array(z.string()),
  notes: z.string(),
});

const Level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const OpenWorkshopBody = z.strictObject({ title: text(L.title).default('Workshop') });
export const CurrentBody = z.strictObject({ key: z.string().min(1).max(300) });
export const VoteBody = z.strictObject({
  level: Level,
  participant: z
    .string()
    .max(MAX_PARTICIPANT_NAME)
    .optional()
    .describe('facilitator only: the name of a participant without a device'),
});
export const AgreeBody = z.strictObject({
  level: Level,
  notes: text(L.notes).default(''),
  key: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe('an earlier requirement of this workshop; default: the current one'),
});
export const MinutesQuery = z.strictObject({ format: z.enum(['md', 'html']).default('md') });

export const WorkshopSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['open', 'closed']),
  facilitator: z.object({ userId: z.string(), name: z.string() }),
  currentKey: z.string().nullable(),
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
});

const SpreadSchema = z.object({
  count: z.number().int(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  median: z.number().nullable(),
  perLevel: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
});

const ItemFields = {
  key: z.string(),
  position: z.string(),
  name: z.string(),
  votes: z.array(
    z.object({
      participant: z.string(),
      userId: z.string().nullable(),
      typedIn: z.boolean(),
      level: z.number().int(),
      at: Timestamp,
    }),
  ),
  spread: SpreadSchema,
  agreed: z
    .object({
      level: z.number().int(),
      notes: z.string(),
      by: z.string(),
      at: Timestamp,
      version: z.number().int(),
    })
    .nullable(),
};

export const WorkshopViewSchema = z.object({
  workshop: WorkshopSummarySchema,
  current: z
    .object({
      ...ItemFields,
      category: z.object({ key: z.string(), name: z.string() }),
      guidance: z.string(),
      assessment: z.string().describe('how to assess it and what evidence to look for'),
      levels: z.array(z.object({ number: z.number().int(), name: z.string(), description: z.string() })),
      scale: z.array(z.object({ number: z.number().int(), name: z.string(), meaning: z.string() })),
    })
    .nullable(),
  items: z.array(z.object(ItemFields)),
});
