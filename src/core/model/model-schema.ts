/**
 * The official model file shapes (`pkimm-model-<version>.yaml`), defined once as zod schemas:
 * schema 1.0.0 (files 1.0.0 and 1.1.0: numeric ids, "2 - Basic", markdown references) and
 * schema 2.0.0 (kebab-case ids, bare level names, reference ids); plus the references catalog
 * and pkimm's generic level file. Every message names what is expected and what was found,
 * because it is read by the person who edits the file.
 */
import { z } from 'zod';
import { MODULE_IDS, type ModuleId } from './model.types.js';

/** One problem, located by its path inside the document (lines are added by the loader). */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}
type Path = (string | number)[];
type AddIssue = (path: Path, message: string) => void;

export const MODULE_NAMES: Readonly<Record<ModuleId, string>> = {
  G: 'Governance',
  M: 'Management',
  O: 'Operations',
  R: 'Resources',
};
/** The bare level names of schema 2.0.0, for levels 1 to 5. */
export const LEVEL_NAMES_2: readonly string[] = [
  'Initial',
  'Foundational',
  'Advanced',
  'Managed',
  'Optimized',
];

// ---- Message-carrying building blocks, shared with the extension schema. ----

/** A short, readable rendering of a value for "(got …)". */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  return typeof value === 'object' ? 'a mapping' : typeof value;
}

/** A zod error function: `<label> must be <expectation> (got …)`, or `<label> is missing; …`. */
export function expected(label: string, expectation: string) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined
      ? `${label} is missing; it must be ${expectation}`
      : `${label} must be ${expectation} (got ${describeValue(issue.input)})`;
}

export const text = (label: string) => z.string({ error: expected(label, 'a text') });
export function nonEmptyText(label: string) {
  const error = expected(label, 'a non-empty text');
  return z.string({ error }).min(1, { error });
}
export function wholeNumber(label: string, min: number, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const error = expected(label, `a whole number ${range}`);
  const atLeast = z.int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
}
export function pattern(label: string, regex: RegExp, expectation: string) {
  const error = expected(label, expectation);
  return z.string({ error }).regex(regex, { error });
}
export const kebabId = (label: string) =>
  pattern(
    label,
    /^[a-z][a-z0-9-]*$/,
    'a lower-case id of letters, digits and hyphens, like "key-management"',
  );
export const numericId = (label: string) => pattern(label, /^[1-9][0-9]*$/, 'a number in quotes, like "1"');
export const semver = (label: string) => pattern(label, /^\d+\.\d+\.\d+$/, 'a version like "2.0.0"');
export function list<T extends z.ZodType>(label: string, item: T, expectation: string, min: number) {
  const error = expected(label, expectation);
  return z.array(item, { error }).min(min, { error });
}
export function fiveLevels<T extends z.ZodType>(level: T) {
  const error = expected('levels', 'a list of exactly 5 levels, numbered 1 to 5');
  return z.array(level, { error }).length(5, { error });
}
/** Options for a superRefine that must run even when other parts failed, so every problem is reported at once. */
export const ALWAYS = { when: () => true };

/** zod issues as plain path + message pairs. */
export function toSchemaIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

// ---- The model file schemas. ----

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

// ---- Cross-checks. They may run on a partly invalid document, so they read it as unknown data. ----

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
export function records(value: unknown, key: string): unknown[] {
  const field = isRecord(value) ? value[key] : undefined;
  return Array.isArray(field) ? (field as unknown[]) : [];
}
export function stringField(value: unknown, key: string): string | undefined {
  const field = isRecord(value) ? value[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

function crossCheckModel(value: unknown, add: AddIssue, levelNames: readonly string[] | undefined): void {
  const modules = new Map<string, Path>();
  const categories = new Map<string, Path>();
  records(value, 'modules').forEach((module, m) => {
    const modulePath: Path = ['modules', m];
    const id = stringField(module, 'id');
    const name = stringField(module, 'name');
    if (id !== undefined && id in MODULE_NAMES) {
      const first = modules.get(id);
      if (first) add([...modulePath, 'id'], `module ${id} is listed twice (first at ${first.join('.')})`);
      else modules.set(id, modulePath);
      const wanted = MODULE_NAMES[id as ModuleId];
      if (name !== undefined && name !== wanted && Object.values(MODULE_NAMES).includes(name)) {
        add([...modulePath, 'name'], `module ${id} must be named "${wanted}" (got "${name}")`);
      }
    }
    records(module, 'categories').forEach((category, c) => {
      const path: Path = [...modulePath, 'categories', c];
      const categoryId = stringField(category, 'id');
      const first = categoryId === undefined ? undefined : categories.get(categoryId);
      if (first) {
        add(
          [...path, 'id'],
          `category id "${categoryId}" is already used at ${first.join('.')}; category ids must be unique`,
        );
      } else if (categoryId !== undefined) categories.set(categoryId, path);
      const where = `category ${id ?? '?'}.${categoryId ?? '?'}`;
      checkUniqueIds(records(category, 'requirements'), [...path, 'requirements'], 'requirement', where, add);
      checkLevelOrder(records(category, 'levels'), [...path, 'levels'], levelNames, add);
    });
  });
}

/** Each entry's `id` at most once in the list. */
export function checkUniqueIds(
  entries: unknown[],
  path: Path,
  noun: string,
  where: string,
  add: AddIssue,
): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const id = stringField(entry, 'id');
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      add(
        [...path, index, 'id'],
        `${noun} id "${id}" is used twice in ${where} (first at ${[...path, first].join('.')})`,
      );
  });
}

/** Levels 1 to 5, once each, in order; with `levelNames`, each level also carries its fixed name. */
export function checkLevelOrder(
  levels: unknown[],
  path: Path,
  levelNames: readonly string[] | undefined,
  add: AddIssue,
) {
  const seen = new Set<number>();
  levels.forEach((level, index) => {
    const number = isRecord(level) ? level.number : undefined;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 5) return;
    if (number !== index + 1) {
      const detail = seen.has(number)
        ? `level ${number} is listed twice`
        : `expected level ${index + 1} here (got ${number})`;
      add([...path, index, 'number'], `${detail}; levels must be numbered 1 to 5, once each, in order`);
      seen.add(number);
      return; // a misplaced level's name would only repeat the same problem
    }
    seen.add(number);
    const name = stringField(level, 'name');
    if (name === undefined) return;
    const wanted = levelNames?.[number - 1];
    if (wanted !== undefined && name !== wanted && levelNames?.includes(name)) {
      add([...path, index, 'name'], `level ${number} must be named "${wanted}" (got "${name}")`);
    }
    const numbered = /^(\d+)\s*-/.exec(name)?.[1];
    if (numbered !== undefined && Number(numbered) !== number) {
      add(
        [...path, index, 'name'],
        `name "${name}" carries the number ${numbered} but this is level ${number}`,
      );
    }
  });
}
