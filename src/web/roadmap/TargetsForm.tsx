import { useState } from 'react';
import type { LevelDefinition, LevelNumber } from '../../core/model/model.types.js';
import type { RoadmapTargets } from '../../core/roadmap/roadmap-settings.js';
import { formatNumber } from '../../core/scoring/explain.js';
import { useT } from '../i18n/useT.js';
import type { RoadmapBody } from './roadmap-api.js';

const LEVELS: LevelNumber[] = [1, 2, 3, 4, 5];

/**
 * The overall target and one per category; the categories' current levels and plan state alongside.
 * The parent keys it by the assessment's version, so a save starts it afresh from what is stored.
 */
export function TargetsForm({
  roadmap,
  stored,
  levels,
  editable,
  busy,
  onSave,
}: {
  roadmap: RoadmapBody;
  stored: RoadmapTargets;
  levels: LevelDefinition[];
  editable: boolean;
  busy: boolean;
  onSave: (targets: RoadmapTargets) => void;
}) {
  const t = useT();
  const [overall, setOverall] = useState<string>(stored.overall ? String(stored.overall) : '');
  const [categories, setCategories] = useState<Record<string, string>>(() => asText(stored.categories));
  const name = (n: number) => `${n} ${levels.find((l) => l.number === n)?.name ?? ''}`.trim();
  const submit = () => {
    const chosen: Record<string, LevelNumber> = {};
    for (const [key, value] of Object.entries(categories))
      if (value) chosen[key] = Number(value) as LevelNumber;
    onSave({
      ...(overall ? { overall: Number(overall) as LevelNumber } : {}),
      ...(Object.keys(chosen).length > 0 ? { categories: chosen } : {}),
    });
  };
  return (
    <section aria-labelledby="targets">
      <h2 id="targets">{t('roadmap.targets')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>
          <label htmlFor="overall-target">{t('roadmap.overallTarget')}</label>{' '}
          <select
            id="overall-target"
            value={overall}
            disabled={!editable}
            onChange={(event) => setOverall(event.target.value)}
          >
            <option value="">{t('roadmap.noTarget')}</option>
            {LEVELS.map((n) => (
              <option key={n} value={String(n)}>
                {name(n)}
              </option>
            ))}
          </select>
        </p>
        <table className="data">
          <caption>{t('roadmap.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('roadmap.colCategory')}</th>
              <th scope="col">{t('roadmap.colCurrent')}</th>
              <th scope="col">{t('roadmap.colTarget')}</th>
              <th scope="col">{t('roadmap.colState')}</th>
            </tr>
          </thead>
          <tbody>
            {roadmap.categories.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td>
                  {c.raw === null
                    ? t('roadmap.none')
                    : `${c.level ?? ''} (${formatNumber(Number(c.raw.toFixed(2)))})`}
                </td>
                <td>
                  <select
                    aria-label={t('roadmap.categoryTarget', { name: c.name })}
                    value={categories[c.key] ?? ''}
                    disabled={!editable}
                    onChange={(event) => setCategories((all) => ({ ...all, [c.key]: event.target.value }))}
                  >
                    <option value="">{t('roadmap.useOverall')}</option>
                    {LEVELS.map((n) => (
                      <option key={n} value={String(n)}>
                        {name(n)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {c.status === 'planned'
                    ? t('roadmap.state.planned', { count: String(c.steps) })
                    : c.status === 'unreachable' && c.reason
                      ? `${t('roadmap.state.unreachable')}: ${t(`roadmap.reason.${c.reason}`)}`
                      : t(`roadmap.state.${c.status}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editable && (
          <p>
            <button type="submit" disabled={busy}>
              {t('roadmap.saveTargets')}
            </button>
          </p>
        )}
      </form>
    </section>
  );
}

function asText(categories: Record<string, number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(categories ?? {}).map(([key, value]) => [key, String(value)]));
}
