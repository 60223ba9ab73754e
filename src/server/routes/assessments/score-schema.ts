/**
 * The score as `pkimm score --format json` prints it (src/core/scoring/score-json.ts), declared
 * key by key: the serializer drops undeclared keys, and a test compares the API with
 * scoreToJson, so a key added there and forgotten here is caught.
 */
import { z } from 'zod';

const Raw = z.number().nullable();
const Level = z.number().int().nullable();
const Name = z.string().nullable();

const LevelValue = z.object({ raw: Raw, level: Level, name: Name });

export const OverallSchema = z.object({ raw: Raw, level: Level, name: Name, progress: Raw });

const ModuleSchema = z.object({
  id: z.enum(['G', 'M', 'O', 'R']),
  name: z.string(),
  raw: Raw,
  level: Level,
  levelName: Name,
  progress: Raw,
});

const CategorySchema = z.object({
  id: z.string(),
  key: z.string(),
  module: z.enum(['G', 'M', 'O', 'R']),
  name: z.string(),
  weight: z.number(),
  raw: Raw,
  level: Level,
  levelName: Name,
  progress: Raw,
  source: z.enum(['requirements', 'self', 'not-assessed', 'not-applicable']),
  rated: z.number().int(),
  notApplicable: z.number().int(),
  notAssessed: z.number().int(),
  completeness: Raw,
});

const ExtensionSchema = z.object({
  id: z.string(),
  version: z.string(),
  score: LevelValue,
  floor: LevelValue.nullable(),
  weighted: LevelValue,
  modules: z.array(LevelValue.extend({ id: z.enum(['G', 'M', 'O', 'R']) })),
  categories: z.array(
    z.object({
      key: z.string(),
      overlaid: Raw,
      relevance: Raw,
      relevanceWeight: z.number(),
      blended: Raw,
      weight: z.number(),
    }),
  ),
});

const GapStepSchema = z.object({
  requirementKey: z.string(),
  requirementId: z.string(),
  name: z.string(),
  weight: z.number(),
  from: z.number(),
  to: z.number(),
  categoryRawAfter: z.number(),
  overallRawAfter: z.number(),
  categoryGain: z.number(),
  overallGain: z.number(),
});

const GapSchema = z.object({
  key: z.string(),
  id: z.string(),
  name: z.string(),
  raw: z.number(),
  level: z.number(),
  nextLevel: z.number(),
  nextLevelName: z.string(),
  nextLevelDescription: z.string(),
  rawNeeded: z.number(),
  limiting: z.array(GapStepSchema),
});

export const ScoreSchema = z.object({
  model: z.object({ id: z.string(), version: z.string() }),
  mode: z.enum(['self', 'full']),
  overall: OverallSchema,
  modules: z.array(ModuleSchema),
  categories: z.array(CategorySchema),
  completeness: z.object({ rated: z.number().int(), applicable: z.number().int(), ratio: Raw }),
  extensions: z.array(ExtensionSchema).optional(),
  gaps: z
    .array(GapSchema)
    .optional()
    .describe('with ?gaps=true: what each category needs for its next level'),
});
