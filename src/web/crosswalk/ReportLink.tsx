import type { ReactNode } from 'react';
import { webUrl } from './crosswalk-api.js';

/** A link to an outside document, only for http(s) addresses; anything else stays plain text. */
export function OutsideLink({ href, children }: { href: string | undefined; children: ReactNode }) {
  const safe = webUrl(href);
  if (!safe) return <span className="cw-url">{href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
