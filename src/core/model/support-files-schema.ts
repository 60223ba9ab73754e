/**
 * Schemas of the files every model is built with: the references catalog and pkimm's generic
 * level file.
 */
import { z } from 'zod';
import {
  ALWAYS,
  expected,
  fiveLevels,
  kebabId,
  list,
  nonEmptyText,
  records,
  semver,
  text,
  wholeNumber,
} from './schema-parts.js';
import { checkLevelOrder, checkUniqueIds } from './model-checks.js';
// ---- The references catalog and pkimm's generic level file. ----

export const ReferenceEntrySchema = z.object(
  {
    id: kebabId('id'),
    title: nonEmptyText('title'),
    url: text('url').optional(),
    authority: text('authority').optional(),
    regions: list('regions', text('region'), 'a list of region codes', 0).optional(),
  },
  { error: expected('reference', 'a mapping with id and title') },
);

export const ReferenceCatalogSchema = z
  .object(
    {
      schemaVersion: semver('schemaVersion'),
      version: semver('version'),
      references: list('references', ReferenceEntrySchema, 'a list of references', 0),
    },
    { error: expected('the references catalog', 'a mapping with schemaVersion, version and references') },
  )
  .superRefine((value, ctx) => {
    checkUniqueIds(
      records(value, 'references'),
      ['references'],
      'reference',
      'the catalog',
      (path, message) => ctx.addIssue({ code: 'custom', path, message }),
    );
  }, ALWAYS);
export type ReferenceCatalog = z.output<typeof ReferenceCatalogSchema>;

const levelDefinition = z.object(
  {
    number: wholeNumber('number', 1, 5),
    name: nonEmptyText('name'),
    names: z
      .record(semver('model version'), nonEmptyText('name'), {
        error: expected('names', 'a mapping from model version to level name'),
      })
      .optional(),
    meaning: text('meaning'),
    indicators: list('indicators', text('indicator'), 'a list of texts', 0),
    risks: text('risks'),
  },
  { error: expected('level', 'a mapping with number, name, meaning, indicators and risks') },
);

/** `model/pkimm-levels.yaml`: the generic meaning of the five levels, named per model version via `names`. */
export const LevelFileSchema = z
  .object(
    { levels: fiveLevels(levelDefinition) },
    { error: expected('the level file', 'a mapping with levels') },
  )
  .superRefine((value, ctx) => {
    checkLevelOrder(records(value, 'levels'), ['levels'], undefined, (path, message) =>
      ctx.addIssue({ code: 'custom', path, message }),
    );
  }, ALWAYS);
export type LevelFile = z.output<typeof LevelFileSchema>;
