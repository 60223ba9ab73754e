/**
 * Turns an official model file (schema 1.0.0 or 2.0.0, as plain data) into the core `Model`.
 * Validation comes first and collects every problem; a model is returned only when there are
 * none. Never throws.
 */
import { ModelFile1Schema, ModelFile2Schema, type ModelFile1, type ModelFile2 } from './model-schema.js';
import { expected, isRecord, records, toSchemaIssues, type SchemaIssue } from './schema-parts.js';
import { type LevelFile, type ReferenceCatalog } from './support-files-schema.js';
import type { Category, CategoryLevel, LevelDefinition, LevelNumber, Model, Module } from './model.types.js';

export interface ModelFileOptions {
  /** The generic level definitions; their names follow the model version through `names`. */
  levels: LevelFile;
  /** The catalog that 2.0.0 reference ids must resolve in; without it they are not checked. */
  references?: ReferenceCatalog;
  origin: Model['origin'];
}

export function modelFromFile(
  value: unknown,
  options: ModelFileOptions,
): { model?: Model; issues: SchemaIssue[] } {
  if (!isRecord(value)) {
    return {
      issues: [
        {
          path: [],
          message: expected(
            'the model file',
            'a mapping with schemaVersion, version and modules',
          )({ input: value }),
        },
      ],
    };
  }
  const schemaVersion = value.schemaVersion;
  if (schemaVersion !== '1.0.0' && schemaVersion !== '2.0.0') {
    // Without a known schema version the rest of the file cannot be read meaningfully.
    return {
      issues: [
        {
          path: ['schemaVersion'],
          message: expected('schemaVersion', '"1.0.0" or "2.0.0"')({ input: schemaVersion }),
        },
      ],
    };
  }
  const parsed =
    schemaVersion === '1.0.0' ? ModelFile1Schema.safeParse(value) : ModelFile2Schema.safeParse(value);
  const issues = parsed.success ? [] : toSchemaIssues(parsed.error);
  if (schemaVersion === '2.0.0' && options.references)
    issues.push(...unknownReferences(value, options.references));
  if (!parsed.success || issues.length > 0) return { issues };
  return { model: toModel(parsed.data, options), issues };
}

/** Reference ids that are not in the catalog, found on the raw data so they are reported alongside other problems. */
function unknownReferences(value: unknown, catalog: ReferenceCatalog): SchemaIssue[] {
  const known = new Set(catalog.references.map((entry) => entry.id));
  const issues: SchemaIssue[] = [];
  records(value, 'modules').forEach((module, m) =>
    records(module, 'categories').forEach((category, c) =>
      records(category, 'requirements').forEach((requirement, r) =>
        records(requirement, 'references').forEach((reference, i) => {
          if (typeof reference !== 'string' || known.has(reference)) return;
          const message = `unknown reference "${reference}": it is not in the references catalog ${catalog.version}`;
          issues.push({ path: ['modules', m, 'categories', c, 'requirements', r, 'references', i], message });
        }),
      ),
    ),
  );
  return issues;
}

function toModel(file: ModelFile1 | ModelFile2, options: ModelFileOptions): Model {
  const levels: LevelDefinition[] = options.levels.levels.map((level) => ({
    number: level.number as LevelNumber,
    // 1.1.0 files use schema 1.0.0, so a name given for "1.0.0" also covers them.
    name: level.names?.[file.version] ?? level.names?.[file.schemaVersion] ?? level.name,
    meaning: level.meaning,
    indicators: level.indicators,
    risks: level.risks,
  }));
  let categoryNumber = 0;
  const modules: Module[] = file.modules.map((module) => ({
    id: module.id,
    name: module.name,
    description: module.description,
    categories: module.categories.map((category): Category => {
      categoryNumber += 1;
      const key = `${module.id}.${category.id}`;
      const position = `${module.id}.${categoryNumber}`;
      return {
        id: category.id,
        key,
        position,
        moduleId: module.id,
        weight: category.weight,
        name: category.name,
        description: category.description,
        levels: categoryLevels(category.levels, levels),
        requirements: category.requirements.map((requirement, index) => ({
          id: requirement.id,
          key: `${key}.${requirement.id}`,
          position: `${position}.${index + 1}`,
          weight: requirement.weight,
          name: requirement.description,
          guidance: requirement.guidance,
          assessment: requirement.assessment,
          references:
            typeof requirement.references === 'string'
              ? textReferences(requirement.references)
              : requirement.references,
        })),
      };
    }),
  }));
  const references = file.schemaVersion === '2.0.0' ? (options.references?.references ?? []) : [];
  return {
    id: 'pkimm',
    version: file.version,
    schemaVersion: file.schemaVersion,
    origin: options.origin,
    levels,
    modules,
    references: references.map((entry) => ({
      id: entry.id,
      title: entry.title,
      ...(entry.url === undefined ? {} : { url: entry.url }),
    })),
  };
}

type FileLevel = { number: number; name: string; description: string };

/** A category's own ladder with bare names; a 1.0.0 category without one falls back to the generic meanings. */
function categoryLevels(own: FileLevel[] | undefined, generic: LevelDefinition[]): CategoryLevel[] {
  if (own === undefined)
    return generic.map((level) => ({ number: level.number, name: level.name, description: level.meaning }));
  return own.map((level) => ({
    number: level.number as LevelNumber,
    name: bareLevelName(level.name),
    description: level.description,
  }));
}

/** `"2 - Basic"` → `"Basic"`; bare names stay as they are. */
export function bareLevelName(name: string): string {
  return name.replace(/^\d+\s*-\s*/, '');
}

/** A markdown references text as a one-item list; an empty text means no references. */
export function textReferences(text: string): string[] {
  return text.trim() === '' ? [] : [text];
}
