/** Response shapes of the roadmap and diff routes; the web app takes its types from here. */
import { z } from 'zod';

const Level = z.object({
  raw: z.number().nullable(),
  level: z.number().nullable(),
  levelName: z.string().nullable(),
  progress: z.number().nullable(),
});
const ModuleIdSchema = z.enum(['G', 'M', 'O', 'R']);
const Step = z.object({
  kind: z.enum(['requirement', 'category']),
  key: z.string().describe('the requirement key, or the category key for a self-rated category'),
  name: z.string(),
  categoryKey: z.string(),
  categoryName: z.string(),
  moduleId: ModuleIdSchema,
  weight: z.number(),
  categoryWeight: z.number(),
  from: z.number(),
  to: z.number(),
  track: z.enum(['organisational', 'operational']),
  trackOverridden: z.boolean(),
  gain: z.number().describe('what this step adds to the overall raw level'),
  after: z.object({ category: Level, module: Level, overall: Level }),
});
const CategoryPlanSchema = z.object({
  key: z.string(),
  name: z.string(),
  moduleId: ModuleIdSchema,
  raw: z.number().nullable(),
  level: z.number().nullable(),
  target: z.number().nullable(),
  targetSource: z.enum(['category', 'overall']).nullable(),
  status: z.enum(['at-target', 'planned', 'unreachable', 'no-target']),
  reason: z.enum(['not-applicable', 'not-assessed']).optional(),
  steps: z.number(),
  rawAfter: z.number().nullable(),
});
const StatementSchema = z.object({
  categoryKey: z.string(),
  categoryName: z.string(),
  raw: z.number(),
  level: z.number(),
  levelName: z.string(),
  nextLevel: z.number(),
  nextLevelName: z.string(),
  nextLevelDescription: z.string(),
  rawNeeded: z.number(),
  limiting: z.array(z.object({ key: z.string(), name: z.string(), level: z.number(), weight: z.number() })),
});
export const RoadmapSchema = z.object({
  version: z.number().int(),
  mode: z.enum(['self', 'full']),
  targets: z.object({ overall: z.number().nullable(), categories: z.record(z.string(), z.number()) }),
  before: Level,
  after: Level,
  steps: z.array(Step),
  tracks: z.object({ organisational: z.array(z.number()), operational: z.array(z.number()) }),
  categories: z.array(CategoryPlanSchema),
  statements: z.array(StatementSchema),
});
const DiffValue = z.union([z.number(), z.literal('n/a'), z.null()]);
const DiffEntry = { id: z.string(), before: DiffValue, after: DiffValue, name: z.string() };
export const DiffSchema = z.object({
  before: z.object({ model: z.string(), title: z.string() }),
  after: z.object({ model: z.string(), title: z.string() }),
  mapped: z.boolean(),
  requirements: z.array(
    z.object({
      ...DiffEntry,
      change: z.enum(['up', 'down', 'became-n/a', 'no-longer-n/a', 'rated', 'unrated']),
      categoryKey: z.string(),
    }),
  ),
  categories: z.array(z.object({ ...DiffEntry, delta: z.number().nullable() })),
  overall: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
});
