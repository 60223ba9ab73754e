import type { ReactNode } from 'react';
import { hrefOf, type Route } from './routes.js';

export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  return (
    <a href={hrefOf(to)} className={className}>
      {children}
    </a>
  );
}
