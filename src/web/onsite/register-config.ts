import { REGISTER_LIMITS as L } from '../../core/assurance/onsite/registers.js';
import type { MessageKey } from '../i18n/en.js';
import type { BodyOf, Contact, EntryOf, RegisterKind } from './onsite-api.js';

/** One text field of a register's form. */
export interface FieldSpec {
  name: string;
  label: MessageKey;
  kind: 'text' | 'date' | 'textarea';
  required?: boolean;
  max?: number;
}

/** What a form holds while it is being edited; the register's body is made from it on save. */
export interface Draft {
  texts: Record<string, string>;
  requirements: string[];
  interviewees: string[];
}

/** Everything that makes one register differ from the others; the section itself is shared. */
export interface RegisterConfig<K extends RegisterKind> {
  kind: K;
  heading: MessageKey;
  add: MessageKey;
  newForm: MessageKey;
  saved: MessageKey;
  empty: MessageKey;
  fields: FieldSpec[];
  /** The entry's name in button labels ("Edit {label}") and confirmations. */
  label: (entry: EntryOf<K>, contacts: Contact[]) => string;
  toDraft: (entry: EntryOf<K> | null) => Draft;
  toBody: (draft: Draft) => BodyOf<K>;
}

const text = (draft: Draft, name: string) => draft.texts[name] ?? '';

export const contactsConfig: RegisterConfig<'contacts'> = {
  kind: 'contacts',
  heading: 'onsite.contacts',
  add: 'onsite.addContact',
  newForm: 'onsite.newContact',
  saved: 'onsite.contactSaved',
  empty: 'onsite.noContacts',
  fields: [
    { name: 'name', label: 'onsite.name', kind: 'text', required: true, max: L.shortText },
    { name: 'role', label: 'onsite.role', kind: 'text', max: L.shortText },
    { name: 'team', label: 'onsite.team', kind: 'text', max: L.shortText },
  ],
  label: (entry) => entry.name,
  toDraft: (entry) => ({
    texts: { name: entry?.name ?? '', role: entry?.role ?? '', team: entry?.team ?? '' },
    requirements: entry?.requirements ?? [],
    interviewees: [],
  }),
  toBody: (draft) => ({
    name: text(draft, 'name'),
    role: text(draft, 'role'),
    team: text(draft, 'team'),
    requirements: draft.requirements,
  }),
};

export const artifactsConfig: RegisterConfig<'artifacts'> = {
  kind: 'artifacts',
  heading: 'onsite.artifacts',
  add: 'onsite.addArtifact',
  newForm: 'onsite.newArtifact',
  saved: 'onsite.artifactSaved',
  empty: 'onsite.noArtifacts',
  fields: [
    { name: 'title', label: 'onsite.artifactTitle', kind: 'text', required: true, max: L.title },
    { name: 'owner', label: 'onsite.owner', kind: 'text', max: L.shortText },
    { name: 'version', label: 'onsite.version', kind: 'text', max: L.version },
    { name: 'date', label: 'onsite.date', kind: 'date' },
    { name: 'locator', label: 'onsite.locator', kind: 'text', max: L.locator },
  ],
  label: (entry) => entry.title,
  toDraft: (entry) => ({
    texts: {
      title: entry?.title ?? '',
      owner: entry?.owner ?? '',
      version: entry?.version ?? '',
      date: entry?.date ?? '',
      locator: entry?.locator ?? '',
    },
    requirements: entry?.requirements ?? [],
    interviewees: [],
  }),
  toBody: (draft) => ({
    title: text(draft, 'title'),
    owner: text(draft, 'owner'),
    version: text(draft, 'version'),
    // An artifact's date is optional; the server wants null rather than an empty string.
    date: text(draft, 'date') || null,
    locator: text(draft, 'locator'),
    requirements: draft.requirements,
  }),
};

export const interviewsConfig: RegisterConfig<'interviews'> = {
  kind: 'interviews',
  heading: 'onsite.interviews',
  add: 'onsite.addInterview',
  newForm: 'onsite.newInterview',
  saved: 'onsite.interviewSaved',
  empty: 'onsite.noInterviews',
  fields: [
    { name: 'date', label: 'onsite.date', kind: 'date', required: true },
    { name: 'notes', label: 'onsite.notes', kind: 'textarea', max: L.notes },
  ],
  // Interviews have no name of their own: the date and who was there tell them apart.
  label: (entry, contacts) => {
    const names = entry.interviewees.map((id) => contacts.find((c) => c.id === id)?.name ?? id);
    return names.length > 0 ? `${entry.date} (${names.join(', ')})` : entry.date;
  },
  toDraft: (entry) => ({
    texts: { date: entry?.date ?? '', notes: entry?.notes ?? '' },
    requirements: entry?.requirements ?? [],
    interviewees: entry?.interviewees ?? [],
  }),
  toBody: (draft) => ({
    date: text(draft, 'date'),
    notes: text(draft, 'notes'),
    interviewees: draft.interviewees,
    requirements: draft.requirements,
  }),
};
