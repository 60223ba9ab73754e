import { useT } from '../i18n/useT.js';
import type { PackSummary } from './crosswalk-api.js';
import { OutsideLink } from './ReportLink.js';

/** What the pack maps to, where the framework's own text is, and whose reading the mapping is. */
export function PackInfo({ pack }: { pack: PackSummary }) {
  const t = useT();
  return (
    <section aria-labelledby="cw-pack-info" className="cw-pack">
      <h2 id="cw-pack-info">{t('crosswalk.pack')}</h2>
      <p>
        <strong>{pack.framework}</strong>: {pack.title}
      </p>
      <p>
        {t('crosswalk.packVersion', {
          version: pack.version,
          packVersion: pack.packVersion,
          model: pack.model,
        })}
        {pack.authority && ` · ${t('crosswalk.authority', { authority: pack.authority })}`}
        {pack.url && (
          <>
            {' · '}
            <OutsideLink href={pack.url}>{t('crosswalk.source')}</OutsideLink>
          </>
        )}
      </p>
      <p className="muted">{t('crosswalk.reading')}</p>
    </section>
  );
}
