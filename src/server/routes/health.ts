import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../../persistence/dialect.js';

/** Liveness (the process answers) and readiness (the database answers and we are not draining). */
export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    if (app.draining) return reply.status(503).send({ status: 'draining' });
    try {
      await pingDatabase(app.deps.database.db);
      return { status: 'ready', database: app.deps.database.dialect };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });
}
