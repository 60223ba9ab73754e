import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { requirementsOutOfScope } from '../answer/items.js';
import { useT } from '../i18n/useT.js';

/**
 * The heatmap's numbers as a table (its text alternative): one row per category, one cell per
 * requirement by position, holding the level, "N/A", or "–" when not rated yet.
 */
export function HeatmapTable({ model, assessment }: { model: Model; assessment: Assessment }) {
  const t = useT();
  const categories = model.modules.flatMap((m) => m.categories);
  const outOfScope = requirementsOutOfScope(model, assessment);
  const width = Math.max(1, ...categories.map((c) => c.requirements.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <details>
      <summary>{t('results.table')}</summary>
      <table className="data heatmap-table">
        <caption className="visually-hidden">{t('results.heatmap')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.categories')}</th>
            {columns.map((i) => (
              <th key={i} scope="col">
                {t('results.requirementNo', { n: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.key}>
              <th scope="row">
                {category.position} {category.name}
              </th>
              {columns.map((i) => {
                const requirement = category.requirements[i];
                if (!requirement) return <td key={i} />;
                const answer = assessment.requirements[requirement.key];
                const text = outOfScope.has(requirement.key)
                  ? t('results.na')
                  : answer && answer.level > 0
                    ? String(answer.level)
                    : '–';
                return (
                  <td key={i} data-requirement={requirement.key}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
