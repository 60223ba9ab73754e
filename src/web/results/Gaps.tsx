import type { CategoryGap } from '../../core/scoring/gap-analysis.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { useT } from '../i18n/useT.js';

export function Gaps({ gaps }: { gaps: CategoryGap[] }) {
  const t = useT();
  if (gaps.length === 0) return <p>{t('results.noGaps')}</p>;
  return (
    <ul className="gaps">
      {gaps.map((gap) => (
        <li key={gap.key}>
          <p>
            {t('results.gapLine', {
              name: gap.name,
              raw: formatNumber(gap.raw),
              next: gap.nextLevel,
              nextName: gap.nextLevelName,
              needed: formatNumber(gap.rawNeeded),
            })}
          </p>
          {gap.limiting.length > 0 && (
            <>
              <p className="muted">{t('results.limiting')}</p>
              <ul>
                {gap.limiting.map((step) => (
                  <li key={step.requirementKey}>
                    {step.requirementId} {step.name}: {step.from} → {step.to} (+
                    {formatNumber(step.categoryGain)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
