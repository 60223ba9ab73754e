/**
 * Turns a validated extension file into the core `Extension`, for one model: every module,
 * category and requirement id it names must exist in that model, and the model's version must
 * be in its `compatibility` list. Never throws; all problems come back as issues.
 */
import { indexModel } from '../model/model-index.js';
import { bareLevelName, textReferences } from '../model/from-file.js';
import { toSchemaIssues, type SchemaIssue } from '../model/schema-parts.js';
import type { CategoryLevel, LevelNumber, Model, ModuleId } from '../model/model.types.js';
import { ExtensionFileSchema, OVERLAY_FIELDS, type ExtensionFile } from './extension-schema.js';
import type { Extension, Overlay, RelevanceCriterion } from './extension.types.js';

type Path = (string | number)[];
type OverlayEntry = { type?: Overlay['type'] | undefined; rationale?: string | undefined } & {
  [field in Overlay['type']]?: number | undefined;
};

export function extensionFromFile(
  value: unknown,
  model: Model,
): { extension?: Extension; issues: SchemaIssue[] } {
  const parsed = ExtensionFileSchema.safeParse(value);
  if (!parsed.success) return { issues: toSchemaIssues(parsed.error) };
  const file = parsed.data;
  const { id, version, compatibility } = file.extension;
  const modelName = `${model.id} ${model.version}`;
  // An incompatible extension names ids of another model version; checking them would only add noise.
  if (!compatibility.includes(model.version)) {
    const message = `extension ${id} ${version} is for ${model.id} ${compatibility.join(', ')}, not ${model.version}`;
    return { issues: [{ path: ['extension', 'compatibility'], message }] };
  }
  const issues: SchemaIssue[] = [];
  const resolver = idResolver(model, modelName, issues);
  const relevance = relevanceCriteria(file, model, resolver, issues);
  const categoryOverlays: Record<string, Overlay> = {};
  const requirementOverlays: Record<string, Overlay> = {};
  file.overlays?.modules.forEach((module, m) =>
    module.categories.forEach((category, c) => {
      const path: Path = ['overlays', 'modules', m, 'categories', c];
      const key = resolver.category(module.id, category.id, [...path, 'id']);
      if (key === undefined) return;
      const overlay = toOverlay(category);
      if (overlay) categoryOverlays[key] = overlay;
      category.requirements?.forEach((requirement, r) => {
        const requirementKey = resolver.requirement(key, requirement.id, [...path, 'requirements', r, 'id']);
        const value = toOverlay(requirement);
        if (requirementKey !== undefined && value) requirementOverlays[requirementKey] = value;
      });
    }),
  );
  if (issues.length > 0) return { issues };
  const { name, description, documentation, floorScore } = file.extension;
  const extension: Extension = {
    id,
    name,
    version,
    description,
    ...(documentation === undefined ? {} : { documentation }),
    compatibility,
    floorScore: floorScore ?? false,
    relevance,
    categoryOverlays,
    requirementOverlays,
  };
  return { extension, issues };
}

function idResolver(model: Model, modelName: string, issues: SchemaIssue[]) {
  const index = indexModel(model);
  return {
    category(moduleId: ModuleId, categoryId: string, path: Path): string | undefined {
      const key = `${moduleId}.${categoryId}`;
      if (index.categoryByKey.has(key)) return key;
      const elsewhere = index.categories.find((category) => category.id === categoryId);
      const hint = elsewhere ? ` (it is in module ${elsewhere.moduleId})` : '';
      issues.push({
        path,
        message: `no category "${categoryId}" in module ${moduleId} of ${modelName}${hint}`,
      });
      return undefined;
    },
    requirement(categoryKey: string, requirementId: string, path: Path): string | undefined {
      const key = `${categoryKey}.${requirementId}`;
      if (index.requirementByKey.has(key)) return key;
      issues.push({
        path,
        message: `no requirement "${requirementId}" in category ${categoryKey} of ${modelName}`,
      });
      return undefined;
    },
  };
}

function relevanceCriteria(
  file: ExtensionFile,
  model: Model,
  resolver: ReturnType<typeof idResolver>,
  issues: SchemaIssue[],
): RelevanceCriterion[] {
  // Reference ids resolve against the extension's own list or the model's catalog (2.0.0 only).
  const known = new Set([...(file.references ?? []), ...model.references].map((entry) => entry.id));
  return file.relevance.modules.flatMap((module, m) =>
    module.categories.flatMap((category, c) => {
      const path: Path = ['relevance', 'modules', m, 'categories', c];
      const categoryKey = resolver.category(module.id, category.id, [...path, 'id']);
      const references =
        typeof category.references === 'string' ? textReferences(category.references) : category.references;
      if (Array.isArray(category.references) && model.references.length > 0) {
        category.references.forEach((reference, r) => {
          if (!known.has(reference)) {
            const message = `unknown reference "${reference}": not in this extension's references nor in the ${model.id} ${model.version} catalog`;
            issues.push({ path: [...path, 'references', r], message });
          }
        });
      }
      if (categoryKey === undefined) return [];
      const levels: CategoryLevel[] = category.levels.map((level) => ({
        number: level.number as LevelNumber,
        name: bareLevelName(level.name),
        description: level.description,
      }));
      const { weight, guidance, assessment } = category;
      return [
        {
          moduleId: module.id,
          categoryId: category.id,
          categoryKey,
          weight,
          guidance,
          assessment,
          references,
          levels,
        },
      ];
    }),
  );
}

function toOverlay(entry: OverlayEntry): Overlay | undefined {
  const field = OVERLAY_FIELDS.find((name) => entry[name] !== undefined);
  const value = field === undefined ? undefined : entry[field];
  if (field === undefined || value === undefined) return undefined;
  return {
    type: entry.type ?? field,
    value,
    ...(entry.rationale === undefined ? {} : { rationale: entry.rationale }),
  };
}
