import type { Member } from '../api/types.js';
import type { Grant } from './assurance-api.js';

/** Someone who can be named on this page: an organisation member or an account invited to it. */
export interface Person {
  userId: string;
  name: string;
  email: string;
  external: boolean;
}

/** Members first, then invited accounts; one entry per account. */
export function candidatesOf(members: readonly Member[], grants: readonly Grant[]): Person[] {
  const seen = new Map<string, Person>();
  for (const m of members) seen.set(m.userId, { ...m, external: false });
  for (const g of grants) if (!seen.has(g.userId)) seen.set(g.userId, { ...g, external: true });
  return [...seen.values()];
}

/**
 * The display name of a user id. The replies' own `names` maps are the most current, then the
 * people this page has listed anyway; an id nobody names is shown as it is.
 */
export function nameResolver(sources: {
  names: readonly (Record<string, string> | undefined)[];
  people: readonly { userId: string; name: string; email?: string }[];
}): (userId: string) => string {
  const known = new Map<string, string>();
  for (const p of sources.people) {
    const label = displayName(p);
    if (label) known.set(p.userId, label);
  }
  for (const map of sources.names)
    for (const [id, name] of Object.entries(map ?? {})) if (name) known.set(id, name);
  return (userId) => known.get(userId) ?? userId;
}

/** Accounts may have no name (the CLI makes it optional): the email stands in for it. */
export function displayName(person: { name: string; email?: string }): string {
  return person.name || person.email || '';
}
