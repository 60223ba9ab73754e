import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One security event: who did what, where and when. `detail` never holds a secret. */
export interface AuditEntry {
  id: number;
  orgId: string | null;
  actorUserId: string | null;
  event: string;
  detail: Record<string, unknown>;
  ip: string | null;
  at: string;
}

export interface AuditInput {
  orgId?: string | null;
  actorUserId?: string | null;
  event: string;
  detail: Record<string, unknown>;
  ip?: string | null;
  at: Date;
}

export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      org_id: input.orgId ?? null,
      actor_user_id: input.actorUserId ?? null,
      event: input.event,
      detail: JSON.stringify(input.detail),
      ip: input.ip ?? null,
      at: input.at.toISOString(),
    })
    .execute();
}

/**
 * An organisation's events, newest first; `orgId: null` lists the events that belong to no
 * organisation (sign-ins, account creation). Ordered by id, which is the order of writing, so
 * `beforeId` pages further back consistently even if clocks of two servers disagree.
 */
export async function listAudit(
  db: Kysely<Database>,
  orgId: string | null,
  options: { limit: number; beforeId?: number; event?: string } = { limit: 100 },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  query = orgId === null ? query.where('org_id', 'is', null) : query.where('org_id', '=', orgId);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.event !== undefined) query = query.where('event', '=', options.event);
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    orgId: r.org_id,
    actorUserId: r.actor_user_id,
    event: r.event,
    detail: parseDetail(r.detail),
    ip: r.ip,
    at: r.at,
  }));
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
