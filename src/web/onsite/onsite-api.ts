/** The on-site endpoints (docs/assurance.md "On-site assessment"); shapes come from the server's schemas. */
import type { z } from 'zod';
import type {
  ArtifactBody,
  ArtifactSchema,
  ContactBody,
  ContactSchema,
  InterviewBody,
  InterviewSchema,
  WorkshopSummarySchema,
  WorkshopViewSchema,
} from '../../server/routes/onsite-schemas.js';
import { request } from '../api/client.js';

export type Contact = z.output<typeof ContactSchema>;
export type Artifact = z.output<typeof ArtifactSchema>;
export type Interview = z.output<typeof InterviewSchema>;
export type WorkshopSummary = z.output<typeof WorkshopSummarySchema>;
export type WorkshopView = z.output<typeof WorkshopViewSchema>;
export type WorkshopItem = WorkshopView['items'][number];
export type CurrentItem = NonNullable<WorkshopView['current']>;

export type RegisterKind = 'contacts' | 'artifacts' | 'interviews';

/** What each register stores and what its POST/PUT body holds. */
export interface Registers {
  contacts: { entry: Contact; body: z.input<typeof ContactBody> };
  artifacts: { entry: Artifact; body: z.input<typeof ArtifactBody> };
  interviews: { entry: Interview; body: z.input<typeof InterviewBody> };
}

export type EntryOf<K extends RegisterKind> = Registers[K]['entry'];
export type BodyOf<K extends RegisterKind> = Registers[K]['body'];

const enc = encodeURIComponent;
const base = (id: string) => `/assessments/${enc(id)}`;

export const onsiteApi = {
  list: <K extends RegisterKind>(id: string, kind: K) =>
    request<{ entries: EntryOf<K>[] }>(`${base(id)}/${kind}`),
  create: <K extends RegisterKind>(id: string, kind: K, body: BodyOf<K>) =>
    request<EntryOf<K>>(`${base(id)}/${kind}`, { method: 'POST', body }),
  replace: <K extends RegisterKind>(id: string, kind: K, entryId: string, body: BodyOf<K>) =>
    request<EntryOf<K>>(`${base(id)}/${kind}/${enc(entryId)}`, { method: 'PUT', body }),
  remove: (id: string, kind: RegisterKind, entryId: string) =>
    request<null>(`${base(id)}/${kind}/${enc(entryId)}`, { method: 'DELETE' }),

  workshops: (id: string) => request<{ workshops: WorkshopSummary[] }>(`${base(id)}/workshops`),
  openWorkshop: (id: string, title: string) =>
    request<{ workshop: WorkshopSummary }>(`${base(id)}/workshops`, { method: 'POST', body: { title } }),
  workshop: (id: string, wid: string) => request<WorkshopView>(`${base(id)}/workshops/${enc(wid)}`),
  setCurrent: (id: string, wid: string, key: string) =>
    request<WorkshopView>(`${base(id)}/workshops/${enc(wid)}/current`, { method: 'PUT', body: { key } }),
  vote: (id: string, wid: string, level: number, participant?: string) =>
    request<WorkshopView>(`${base(id)}/workshops/${enc(wid)}/votes`, {
      method: 'PUT',
      body: participant === undefined ? { level } : { level, participant },
    }),
  agree: (id: string, wid: string, level: number, notes: string) =>
    request<WorkshopView & { version: number }>(`${base(id)}/workshops/${enc(wid)}/agree`, {
      method: 'POST',
      body: { level, notes },
    }),
  close: (id: string, wid: string) =>
    request<WorkshopView>(`${base(id)}/workshops/${enc(wid)}/close`, { method: 'POST' }),
};

/** The minutes are plain links, so the browser downloads them with the session cookie. */
export const minutesUrl = (id: string, wid: string, format: 'md' | 'html') =>
  `/api/v1${base(id)}/workshops/${enc(wid)}/minutes?format=${format}`;

/** The shared screen and the devices ask for the workshop's state this often (no websockets). */
export const POLL_MS = 2_000;

/** Polls while the workshop is open (or not loaded yet); a closed one cannot change any more. */
export const stillOpen = (view: WorkshopView | undefined) => view?.workshop.status !== 'closed';
