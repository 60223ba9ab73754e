import type { Assessment } from '../../core/assessment/assessment.types.js';
import type { Model } from '../../core/model/model.types.js';
import { useT } from '../i18n/useT.js';
import { isAnswered, progressOf, type Item } from './items.js';

/** Module → category (→ requirement) navigation with progress per category. */
export function ItemNav({
  model,
  items,
  assessment,
  current,
  onSelect,
}: {
  model: Model;
  items: Item[];
  assessment: Assessment;
  current: number;
  onSelect: (index: number) => void;
}) {
  const t = useT();
  const currentItem = items[current];
  return (
    <nav aria-label={t('answer.navigation')} className="item-nav">
      {model.modules.map((module) => (
        <div key={module.id}>
          <h2 className="nav-heading">
            {module.id} {module.name}
          </h2>
          <ul>
            {module.categories.map((category) => {
              const own = items.filter((item) => item.category.key === category.key);
              const { done, total } = progressOf(assessment, own);
              const first = items.indexOf(own[0]!);
              const isCurrentCategory = currentItem?.category.key === category.key;
              return (
                <li key={category.key}>
                  <button
                    type="button"
                    aria-current={isCurrentCategory && currentItem?.kind === 'category' ? 'true' : undefined}
                    onClick={() => onSelect(first)}
                  >
                    {category.position} {category.name} ({t('answer.progressOf', { done, total })})
                  </button>
                  {isCurrentCategory && own[0]?.kind === 'requirement' && (
                    <ul>
                      {own.map((item) => {
                        const index = items.indexOf(item);
                        return (
                          <li key={item.key}>
                            <button
                              type="button"
                              aria-current={index === current ? 'true' : undefined}
                              onClick={() => onSelect(index)}
                            >
                              {item.kind === 'requirement' &&
                                `${item.requirement.position} ${item.requirement.name}`}
                              {isAnswered(assessment, item) ? ' ✓' : ''}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
