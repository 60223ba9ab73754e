import { useT } from '../i18n/useT.js';
import { Link } from '../router/Link.js';
import type { CycleInfo } from './cycles-api.js';
import { isSharedModule } from './useCycleInfo.js';

/**
 * Next to an answer: where it comes from when Governance and Resources are shared, the
 * previous cycle's level of this item (the baseline) and the evidence for it that is older
 * than the configured age. Renders nothing for a first cycle with nothing shared.
 */
export function CycleNote({
  data,
  kind,
  moduleId,
  itemKey,
  levelName,
}: {
  data: CycleInfo | undefined;
  kind: 'category' | 'requirement';
  moduleId: string;
  itemKey: string;
  levelName: (level: number) => string;
}) {
  const t = useT();
  if (!data) return null;
  const stale = data.evidence.items.filter((item) => item.stale && item.requirements.includes(itemKey));
  const baseline = data.baseline;
  const shared = isSharedModule(data, moduleId) ? data.sharedSource : null;
  if (!baseline && stale.length === 0 && !shared) return null;
  const level = baseline
    ? (kind === 'category' ? baseline.categories : baseline.requirements)[itemKey]
    : undefined;
  return (
    <aside className="cycle-note" data-testid="cycle-note">
      {shared && (
        <p data-testid="shared-source">
          {t('cycles.sharedNote')}{' '}
          <Link to={{ page: 'answer', assessmentId: shared.assessmentId }}>{shared.title}</Link>
        </p>
      )}
      {baseline && (
        <p data-testid="baseline">
          {level === undefined
            ? t('cycles.baselineNone', { title: baseline.title })
            : t('cycles.baseline', { title: baseline.title, level: `${level} ${levelName(level)}` })}
        </p>
      )}
      {stale.length > 0 && (
        <>
          <p>{t('cycles.stale', { months: data.evidence.maxAgeMonths })}</p>
          <ul>
            {stale.map((item) => (
              <li key={item.id} data-testid="stale-evidence">
                <strong>{t('cycles.staleMarker')}</strong>{' '}
                {t('cycles.staleItem', {
                  title: item.title,
                  date: new Date(item.createdAt).toLocaleDateString(),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
