import { useT } from '../i18n/useT.js';
import type { CurrentItem } from './onsite-api.js';

/** The requirement on the shared screen, in large type: what it asks, how to assess it, what each level means. */
export function CurrentRequirement({ current }: { current: CurrentItem }) {
  const t = useT();
  return (
    <section aria-labelledby="current-requirement" className="onsite-current">
      <p className="muted">{t('onsite.category', { name: current.category.name })}</p>
      <h2 id="current-requirement" data-requirement={current.key}>
        {current.position} {current.name}
      </h2>
      <h3>{t('onsite.guidance')}</h3>
      <p className="prewrap">{current.guidance || '–'}</p>
      <h3>{t('onsite.howToAssess')}</h3>
      <p className="prewrap">{current.assessment || '–'}</p>
      <h3>{t('onsite.levelsHeading')}</h3>
      <dl className="onsite-levels" data-testid="current-levels">
        {current.levels.map((level) => (
          <div key={level.number}>
            <dt>{t('onsite.levelName', { level: level.number, name: level.name })}</dt>
            <dd>{level.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
