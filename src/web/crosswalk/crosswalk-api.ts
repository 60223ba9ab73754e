/** The crosswalk and audit endpoints; the shapes come from the server's route schemas. */
import type { z } from 'zod';
import type {
  AuditEntrySchema,
  CrosswalkViewSchema,
  PackSummarySchema,
} from '../../server/routes/crosswalk-schemas.js';
import { request } from '../api/client.js';

export type PackSummary = z.output<typeof PackSummarySchema>;
export type CrosswalkView = z.output<typeof CrosswalkViewSchema>;
export type ControlView = CrosswalkView['controls'][number];
export type SupportRow = ControlView['supports'][number];
export type GapView = CrosswalkView['gaps'][number];
export type AuditedView = CrosswalkView['audited'][number];
export type AuditEntry = z.output<typeof AuditEntrySchema>;
export type ControlStatus = ControlView['status'];

export const STATUSES: readonly ControlStatus[] = ['supported', 'partly-supported', 'gap'];
export const DEFAULT_THRESHOLD = 3;

const enc = encodeURIComponent;

/** The packs rarely change while the app runs: one request serves every audit panel and the page. */
let packsOnce: Promise<PackSummary[]> | undefined;

export function loadPacks(): Promise<PackSummary[]> {
  if (!packsOnce) {
    const loading = request<{ packs: PackSummary[] }>('/crosswalks').then((reply) => reply.packs);
    loading.catch(() => (packsOnce = undefined));
    packsOnce = loading;
  }
  return packsOnce;
}

function viewPath(id: string, packId: string, threshold: number): string {
  return `/assessments/${enc(id)}/crosswalks/${enc(packId)}?threshold=${threshold}`;
}

/** A plain link for the CSV: the session cookie goes along, and the browser saves the file. */
export function csvHref(id: string, packId: string, threshold: number): string {
  return `/api/v1${viewPath(id, packId, threshold)}&format=csv`;
}

export interface AuditReply {
  key: string;
  credit: AuditEntry | null;
  version: number;
}

export const crosswalkApi = {
  view: (id: string, packId: string, threshold: number) =>
    request<CrosswalkView>(viewPath(id, packId, threshold)),
  audits: (id: string) =>
    request<{ version: number; audits: Record<string, AuditEntry> }>(`/assessments/${enc(id)}/audits`),
  setAudit: (id: string, version: number, key: string, entry: AuditEntry) =>
    request<AuditReply>(`/assessments/${enc(id)}/audits/${enc(key)}`, {
      method: 'PUT',
      body: entry,
      headers: { 'if-match': `"${version}"`, 'idempotency-key': crypto.randomUUID() },
    }),
  removeAudit: (id: string, version: number, key: string) =>
    request<AuditReply>(`/assessments/${enc(id)}/audits/${enc(key)}`, {
      method: 'DELETE',
      headers: { 'if-match': `"${version}"`, 'idempotency-key': crypto.randomUUID() },
    }),
};

/**
 * Only http(s) addresses become links. The server refuses anything else when an audit is
 * recorded, but a pack from the operator's directory or an imported file is checked here again,
 * so a `javascript:` address can never reach an href.
 */
export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}
