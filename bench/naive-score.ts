/**
 * A deliberately straightforward scorer used only as the benchmark's baseline: the same
 * arithmetic as the engine, but every lookup is a linear search and nothing is indexed or
 * reused between calls. Its overall raw level must equal the engine's.
 */
import type { Assessment } from '../src/core/assessment/assessment.types.js';
import type { Model } from '../src/core/model/model.types.js';

export function naiveOverallRaw(model: Model, assessment: Assessment): number | null {
  const answers = Object.entries(assessment.requirements);
  const categoryAnswers = Object.entries(assessment.categories);
  const rows: { raw: number; weight: number }[] = [];
  for (const module of model.modules) {
    for (const category of module.categories) {
      const own = categoryAnswers.find(([key]) => key === category.key)?.[1];
      if (own?.applicability === 'not-applicable') continue;
      const scoped = category.requirements.map((r) => answers.find(([key]) => key === r.key)?.[1]);
      if (scoped.length > 0 && scoped.every((a) => a?.applicability === 'not-applicable')) continue;
      let num = 0;
      let den = 0;
      category.requirements.forEach((r, i) => {
        const a = scoped[i];
        if (a && a.applicability !== 'not-applicable' && a.level > 0) {
          num += a.level * r.weight;
          den += r.weight;
        }
      });
      if (den > 0) rows.push({ raw: num / den, weight: category.weight });
      else if ((own?.level ?? 0) > 0) rows.push({ raw: own!.level, weight: category.weight });
    }
  }
  const weight = rows.reduce((s, r) => s + r.weight, 0);
  return weight === 0 ? null : rows.reduce((s, r) => s + r.raw * r.weight, 0) / weight;
}
