import type { Category, Model, Module, Requirement } from './model.types.js';

/** Constant-time lookups over a model, built once per model and reused by scoring. */
export interface ModelIndex {
  model: Model;
  categories: Category[];
  requirements: Requirement[];
  categoryByKey: ReadonlyMap<string, Category>;
  requirementByKey: ReadonlyMap<string, Requirement>;
  moduleOfCategory: ReadonlyMap<string, Module>;
  categoryOfRequirement: ReadonlyMap<string, Category>;
}

const cache = new WeakMap<Model, ModelIndex>();

export function indexModel(model: Model): ModelIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const categories: Category[] = [];
  const requirements: Requirement[] = [];
  const categoryByKey = new Map<string, Category>();
  const requirementByKey = new Map<string, Requirement>();
  const moduleOfCategory = new Map<string, Module>();
  const categoryOfRequirement = new Map<string, Category>();
  for (const module of model.modules) {
    for (const category of module.categories) {
      categories.push(category);
      categoryByKey.set(category.key, category);
      moduleOfCategory.set(category.key, module);
      for (const requirement of category.requirements) {
        requirements.push(requirement);
        requirementByKey.set(requirement.key, requirement);
        categoryOfRequirement.set(requirement.key, category);
      }
    }
  }
  const index = {
    model,
    categories,
    requirements,
    categoryByKey,
    requirementByKey,
    moduleOfCategory,
    categoryOfRequirement,
  };
  cache.set(model, index);
  return index;
}

/** The display name of a level number in this model version, e.g. 2 → Foundational. */
export function levelName(model: Model, level: number): string {
  return model.levels.find((definition) => definition.number === level)?.name ?? String(level);
}
