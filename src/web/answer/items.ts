import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Category, Model, Module, Requirement } from '../../core/model/model.types.js';

export type Item =
  | { kind: 'category'; key: string; module: Module; category: Category }
  | { kind: 'requirement'; key: string; module: Module; category: Category; requirement: Requirement };

/** What is answered one at a time: categories in self mode, requirements in full mode, in model order. */
export function itemsOf(model: Model, mode: 'self' | 'full'): Item[] {
  const items: Item[] = [];
  for (const module of model.modules)
    for (const category of module.categories) {
      if (mode === 'self') items.push({ kind: 'category', key: category.key, module, category });
      else
        for (const requirement of category.requirements)
          items.push({ kind: 'requirement', key: requirement.key, module, category, requirement });
    }
  return items;
}

/** Out of scope through itself, its category or its module. */
export function isOutOfScope(assessment: Assessment, item: Item): boolean {
  if (assessment.modules[item.module.id]?.applicability === 'not-applicable') return true;
  if (assessment.categories[item.category.key]?.applicability === 'not-applicable') return true;
  return item.kind === 'requirement' && assessment.requirements[item.key]?.applicability === 'not-applicable';
}

export function isAnswered(assessment: Assessment, item: Item): boolean {
  if (isOutOfScope(assessment, item)) return true;
  const entry =
    item.kind === 'category' ? assessment.categories[item.key] : assessment.requirements[item.key];
  return (entry?.level ?? 0) > 0;
}

export function progressOf(assessment: Assessment, items: readonly Item[]): { done: number; total: number } {
  return { done: items.filter((item) => isAnswered(assessment, item)).length, total: items.length };
}

/** The keys of every requirement out of scope through itself, its category or its module. */
export function requirementsOutOfScope(model: Model, assessment: Assessment): Set<string> {
  return new Set(
    itemsOf(model, 'full')
      .filter((item) => isOutOfScope(assessment, item))
      .map((item) => item.key),
  );
}
