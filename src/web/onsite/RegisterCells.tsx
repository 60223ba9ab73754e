import type { ReactNode } from 'react';
import type { Model } from '../../core/model/model.types.js';
import type { Translate } from '../i18n/useT.js';
import type { Artifact, Contact, EntryOf, Interview, RegisterKind } from './onsite-api.js';
import { requirementLabel } from './requirements.js';

/** A register's table: column headings and each entry's cells; the first cell is the row header. */
export interface Columns<K extends RegisterKind> {
  headings: string[];
  cells: (entry: EntryOf<K>) => ReactNode[];
}

export function RequirementList({ model, keys }: { model: Model; keys: readonly string[] }) {
  if (keys.length === 0) return <>–</>;
  return (
    <ul className="onsite-links">
      {keys.map((key) => (
        <li key={key}>{requirementLabel(model, key)}</li>
      ))}
    </ul>
  );
}

const dash = (value: string | null) => value || '–';

export function columnsOf<K extends RegisterKind>(
  kind: K,
  t: Translate,
  model: Model,
  contacts: Contact[],
): Columns<K> {
  const links = (keys: string[]) => <RequirementList model={model} keys={keys} />;
  const requirements = t('onsite.colRequirements');
  // Each branch builds the columns of its own kind; the cast names what the switch has proved.
  switch (kind) {
    case 'contacts':
      return {
        headings: [t('onsite.name'), t('onsite.role'), t('onsite.team'), requirements],
        cells: (e: Contact) => [e.name, dash(e.role), dash(e.team), links(e.requirements)],
      } as Columns<K>;
    case 'artifacts':
      return {
        headings: [
          t('onsite.artifactTitle'),
          t('onsite.owner'),
          t('onsite.version'),
          t('onsite.date'),
          t('onsite.locator'),
          requirements,
        ],
        // The locator is a record of where to look, shown as text: never a link anyone follows.
        cells: (e: Artifact) => [
          e.title,
          dash(e.owner),
          dash(e.version),
          dash(e.date),
          <span className="onsite-locator" data-testid="locator">
            {dash(e.locator)}
          </span>,
          links(e.requirements),
        ],
      } as Columns<K>;
    case 'interviews':
      return {
        headings: [t('onsite.date'), t('onsite.interviewees'), t('onsite.notes'), requirements],
        cells: (e: Interview) => [
          e.date,
          e.interviewees.length === 0
            ? '–'
            : e.interviewees.map((id) => contacts.find((c) => c.id === id)?.name ?? id).join(', '),
          <span className="prewrap">{dash(e.notes)}</span>,
          links(e.requirements),
        ],
      } as Columns<K>;
  }
  throw new Error(`unknown register ${String(kind)}`);
}
