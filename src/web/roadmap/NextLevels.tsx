import { formatNumber } from '../../core/scoring/explain.js';
import { useT } from '../i18n/useT.js';
import type { RoadmapBody } from './roadmap-api.js';

/** "Certificate management is at Foundational (2.43). Reaching Advanced needs: …" for each category below 5. */
export function NextLevels({ statements }: { statements: RoadmapBody['statements'] }) {
  const t = useT();
  if (statements.length === 0) return null;
  return (
    <section aria-labelledby="next-levels">
      <h2 id="next-levels">{t('roadmap.nextLevels')}</h2>
      <ul className="next-levels" data-testid="next-levels">
        {statements.map((s) => {
          const values = {
            category: s.categoryName,
            level: s.levelName,
            raw: formatNumber(Number(s.raw.toFixed(2))),
            next: s.nextLevelName,
          };
          return (
            <li key={s.categoryKey}>
              <p>
                {s.nextLevelDescription.trim()
                  ? t('roadmap.statement', { ...values, description: s.nextLevelDescription.trim() })
                  : t('roadmap.statementNoText', {
                      ...values,
                      needed: formatNumber(Number(s.rawNeeded.toFixed(2))),
                    })}
              </p>
              {s.limiting.length > 0 && (
                <p>
                  {t('roadmap.limitingIntro')}{' '}
                  {s.limiting
                    .map((r) =>
                      t('roadmap.limiting', {
                        name: r.name,
                        level: String(r.level),
                        weight: formatNumber(r.weight),
                      }),
                    )
                    .join('; ')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
