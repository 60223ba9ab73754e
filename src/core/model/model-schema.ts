/**
 * The official model file shapes (`pkimm-model-<version>.yaml`), defined once as zod schemas:
 * schema 1.0.0 (files 1.0.0 and 1.1.0: numeric ids, "2 - Basic", markdown references) and
 * schema 2.0.0 (kebab-case ids, bare level names, reference ids). Every message names what is
 * expected and what was found, because it is read by the person who edits the file.
 */
import { z } from 'zod';
import { MODULE_IDS } from './model.types.js';
import {
  ALWAYS,
  LEVEL_NAMES_2,
  MODULE_NAMES,
  expected,
  fiveLevels,
  kebabId,
  list,
  nonEmptyText,
  numericId,
  semver,
  text,
  wholeNumber,
} from './schema-parts.js';
import { crossCheckModel } from './model-checks.js';

function levelSchema(name: z.ZodType<string>) {
  const error = expected('level', 'a mapping with number, name and description');
  return z.object({ number: wholeNumber('number', 1, 5), name, description: text('description') }, { error });
}

function requirementSchema<I extends z.ZodType<string>, R extends z.ZodType>(id: I, references: R) {
  return z.object(
    {
      id: id.describe('Unique within its category.'),
      weight: wholeNumber('weight', 1).describe('Relative weight inside the category.'),
      description: nonEmptyText('description').describe('The short name of the requirement.'),
      guidance: text('guidance').describe('What the requirement is for.'),
      assessment: text('assessment').describe('How to assess it and what evidence to look for.'),
      references,
    },
    { error: expected('requirement', 'a mapping of fields') },
  );
}

function categorySchema<I extends z.ZodType<string>, L extends z.ZodType, Q extends z.ZodType>(
  id: I,
  levels: L,
  requirement: Q,
) {
  return z.object(
    {
      id: id.describe('Unique across the model.'),
      weight: wholeNumber('weight', 1).describe(
        'Relative weight of the category in module and overall scores.',
      ),
      name: nonEmptyText('name'),
      description: text('description'),
      levels,
      requirements: list('requirements', requirement, 'a list of at least one requirement', 1),
    },
    { error: expected('category', 'a mapping of fields') },
  );
}

function modelSchema<C extends z.ZodType>(schemaVersion: '1.0.0' | '2.0.0', category: C) {
  const module = z.object(
    {
      id: z.enum(MODULE_IDS, { error: expected('id', 'one of G, M, O, R') }),
      name: z.enum(Object.values(MODULE_NAMES), {
        error: expected('name', 'one of Governance, Management, Operations, Resources'),
      }),
      description: text('description'),
      categories: list('categories', category, 'a list of at least one category', 1),
    },
    { error: expected('module', 'a mapping of fields') },
  );
  const levelNames = schemaVersion === '2.0.0' ? LEVEL_NAMES_2 : undefined;
  return z
    .object(
      {
        schemaVersion: z.literal(schemaVersion, { error: expected('schemaVersion', `"${schemaVersion}"`) }),
        version: semver('version'),
        modules: list('modules', module, 'a list of at least one module', 1),
      },
      { error: expected('the model file', 'a mapping with schemaVersion, version and modules') },
    )
    .superRefine((value, ctx) => {
      crossCheckModel(value, (path, message) => ctx.addIssue({ code: 'custom', path, message }), levelNames);
    }, ALWAYS);
}

/** Schema 1.0.0, used by the 1.0.0 and 1.1.0 model files. Category levels are optional here. */
export const ModelFile1Schema = modelSchema(
  '1.0.0',
  categorySchema(
    numericId('id'),
    fiveLevels(levelSchema(nonEmptyText('name'))).optional(),
    requirementSchema(numericId('id'), text('references')),
  ),
);

const levelName2 = z.enum(LEVEL_NAMES_2, { error: expected('name', `one of ${LEVEL_NAMES_2.join(', ')}`) });
const referenceIds = list('references', kebabId('reference id'), 'a list of reference ids', 0);

/** Schema 2.0.0: kebab-case ids, levels required with the bare 2.0.0 names, reference ids. */
export const ModelFile2Schema = modelSchema(
  '2.0.0',
  categorySchema(
    kebabId('id'),
    fiveLevels(levelSchema(levelName2)),
    requirementSchema(kebabId('id'), referenceIds),
  ),
).meta({
  title: 'PKI Maturity Model, schema 2.0.0',
  description:
    'A pkimm-model-<version>.yaml file: modules, categories with five levels, weighted requirements.',
});

export type ModelFile1 = z.output<typeof ModelFile1Schema>;
export type ModelFile2 = z.output<typeof ModelFile2Schema>;
