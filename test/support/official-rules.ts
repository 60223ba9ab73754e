/**
 * An independent scorer that works directly on an official self-assessment export (the plain
 * object js-yaml reads), following the rules of the official app line by line: explicit N/A
 * wins, then derived N/A, then the average of assessed in-scope requirements, else the
 * self-declared level; modules and overall from categories with a raw level above 0. Tests
 * compare pkimm's engine against it. It shares no code with src/.
 */
import type { Model } from '../../src/core/model/model.types.js';

interface Entry {
  level?: number;
  applicability?: boolean;
}
export interface OfficialExport {
  progress?: Record<string, Entry>;
  requirementProgress?: Record<string, Entry>;
}

export function officialRaws(model: Model, file: OfficialExport) {
  const progress = file.progress ?? {};
  const requirements = file.requirementProgress ?? {};
  const categories = new Map<string, number>();
  for (const module of model.modules) {
    for (const category of module.categories) {
      const key = `${module.id}.${category.id}`;
      if (progress[key]?.applicability === false) {
        categories.set(key, -1);
        continue;
      }
      const inScope = category.requirements.filter((r) => {
        const entry = requirements[`${key}.${r.id}`];
        return !entry || entry.applicability !== false;
      });
      if (category.requirements.length > 0 && inScope.length === 0) {
        categories.set(key, -1);
        continue;
      }
      const assessed = inScope.filter((r) => (requirements[`${key}.${r.id}`]?.level ?? 0) > 0);
      if (assessed.length === 0) {
        categories.set(key, progress[key]?.level ?? 0);
        continue;
      }
      let num = 0;
      let den = 0;
      for (const r of assessed) {
        num += requirements[`${key}.${r.id}`]!.level! * r.weight;
        den += r.weight;
      }
      categories.set(key, den > 0 ? num / den : 0);
    }
  }
  const rollUp = (keys: { key: string; weight: number }[]) => {
    let num = 0;
    let den = 0;
    for (const { key, weight } of keys) {
      const raw = categories.get(key)!;
      if (raw > 0) {
        num += raw * weight;
        den += weight;
      }
    }
    return den > 0 ? num / den : 0;
  };
  const all = model.modules.flatMap((m) =>
    m.categories.map((c) => ({ key: `${m.id}.${c.id}`, weight: c.weight })),
  );
  return {
    categories,
    modules: new Map(
      model.modules.map((m) => [
        m.id,
        rollUp(m.categories.map((c) => ({ key: `${m.id}.${c.id}`, weight: c.weight }))),
      ]),
    ),
    overall: rollUp(all),
  };
}
