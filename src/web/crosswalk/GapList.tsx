import { useT } from '../i18n/useT.js';
import { hrefOf } from '../router/routes.js';
import type { GapView } from './crosswalk-api.js';
import { standingText } from './standing.js';

/**
 * The answer page opens on the item kept in sessionStorage under `pkimm.item.{id}` (AnswerView);
 * writing the key there before following the link is how this page opens a requirement there,
 * since the answer page has no item in its URL yet.
 */
function openOnAnswerPage(assessmentId: string, key: string) {
  sessionStorage.setItem(`pkimm.item.${assessmentId}`, key);
}

/** Requirements holding controls back, in the server's order (most controls first). */
export function GapList({
  gaps,
  assessmentId,
  linkItems,
}: {
  gaps: readonly GapView[];
  assessmentId: string;
  /** Only full assessments have requirement items to open. */
  linkItems: boolean;
}) {
  const t = useT();
  if (gaps.length === 0) return <p>{t('crosswalk.noGaps')}</p>;
  return (
    <ol className="cw-gaps" data-testid="crosswalk-gaps">
      {gaps.map((gap) => {
        const item = `${gap.position} ${gap.name}`;
        return (
          <li key={gap.key} data-requirement={gap.key}>
            <strong>{item}</strong> · {standingText(t, { level: gap.level, source: gap.source })} ·{' '}
            {t('crosswalk.holdsBack', { controls: gap.controls.join(', ') })}
            {linkItems && (
              <>
                {' · '}
                <a
                  href={hrefOf({ page: 'answer', assessmentId })}
                  onClick={() => openOnAnswerPage(assessmentId, gap.key)}
                >
                  {t('crosswalk.openItem', { item })}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
