import { stringify } from 'csv-stringify/sync';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { levelName } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { formulaSafe } from './formula-safe.js';

export const REQUIREMENTS_CSV_HEADER = [
  'module',
  'module_name',
  'category',
  'category_name',
  'requirement',
  'reference',
  'title',
  'weight',
  'rating',
  'rating_name',
  'applicability',
  'reason',
  'notes',
  'evidence',
  'evidence_items',
  'flagged',
  'completed',
] as const;

/**
 * One row per requirement of the model, in model order, with its rating and scoping, for
 * spreadsheets and GRC tools. `rating` is empty when not assessed; `applicability` says
 * applicable, partial or not-applicable (with `reason`). `evidence_items` counts the
 * evidence attached on the server and is empty when not known (an offline export).
 * Every text cell goes through formulaSafe.
 */
export function requirementsCsv(
  assessment: Assessment,
  model: Model,
  evidenceItems?: ReadonlyMap<string, number>,
): string {
  const rows: (string | number | boolean)[][] = [];
  for (const module of model.modules) {
    const moduleScope = assessment.modules[module.id];
    for (const category of module.categories) {
      const categoryScope = assessment.categories[category.key];
      for (const requirement of category.requirements) {
        const answer = assessment.requirements[requirement.key];
        // Scoped out through its module or category counts as not applicable here too.
        const inherited = [moduleScope, categoryScope].find((d) => d?.applicability === 'not-applicable');
        const applicability = inherited ? 'not-applicable' : (answer?.applicability ?? 'applicable');
        const reason = answer?.reason ?? inherited?.reason;
        const level = answer?.level ?? 0;
        rows.push(
          [
            module.id,
            module.name,
            category.key,
            category.name,
            requirement.key,
            requirement.position,
            requirement.name,
            requirement.weight,
            level === 0 ? '' : level,
            level === 0 ? '' : levelName(model, level),
            applicability,
            reason,
            answer?.notes,
            answer?.evidence,
            evidenceItems ? (evidenceItems.get(requirement.key) ?? 0) : '',
            answer?.flagged === true,
            answer?.completed === true,
          ].map(formulaSafe),
        );
      }
    }
  }
  return stringify(rows, { header: true, columns: [...REQUIREMENTS_CSV_HEADER], cast: { boolean: String } });
}
