import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { isOutOfScope, itemsOf } from '../answer/items.js';
import { useT } from '../i18n/useT.js';

/** How many items sit at each level (requirements in full mode, categories in self mode), as a table with bars. */
export function Distribution({ model, assessment }: { model: Model; assessment: Assessment }) {
  const t = useT();
  const counts = new Map<number, number>();
  // Only items in scope count: a rating left on a requirement whose category was later marked
  // not applicable no longer takes part in the score, so it is no part of the distribution either.
  for (const item of itemsOf(model, assessment.mode)) {
    if (isOutOfScope(assessment, item)) continue;
    const level =
      (item.kind === 'category' ? assessment.categories : assessment.requirements)[item.key]?.level ?? 0;
    if (level > 0) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const max = Math.max(1, ...counts.values());
  return (
    <table className="data distribution">
      <caption>{t('results.distribution')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('score.reported')}</th>
          <th scope="col">{t('results.count')}</th>
        </tr>
      </thead>
      <tbody>
        {model.levels.map((level) => {
          const count = counts.get(level.number) ?? 0;
          return (
            <tr key={level.number}>
              <th scope="row">
                {level.number} {level.name}
              </th>
              <td>
                <span className="bar" style={{ width: `${(count / max) * 12}rem` }} aria-hidden="true" />{' '}
                {count}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
