import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../persistence/schema.js';
import { recordAudit } from '../../../persistence/repositories/audit.js';

/**
 * Records a security event for a request: its actor, address and the app clock. Pass the
 * transaction when the event belongs to a change, so both are written or neither.
 */
export async function auditEvent(
  app: FastifyInstance,
  request: FastifyRequest,
  event: {
    event: string;
    orgId?: string | null;
    actorUserId?: string | null;
    detail: Record<string, unknown>;
  },
  db: Kysely<Database> = app.deps.database.db,
): Promise<void> {
  await recordAudit(db, {
    orgId: event.orgId ?? null,
    actorUserId: event.actorUserId === undefined ? (request.principal?.userId ?? null) : event.actorUserId,
    event: event.event,
    detail: event.detail,
    ip: request.ip,
    at: app.deps.now(),
  });
}
