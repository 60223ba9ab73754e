import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { PkimmError } from '../../../core/errors.js';
import { auditRoutes } from './audit-routes.js';
import { authRoutes } from './auth-routes.js';
import { grantRoutes } from './grant-routes.js';
import { memberRoutes } from './member-routes.js';
import { orgRoutes } from './org-routes.js';
import { sessionRoutes } from './session-routes.js';
import { tokenRoutes } from './token-routes.js';
import { userRoutes } from './user-routes.js';

/**
 * Sign-in, sessions (and the password change), users, organisations, members, external-assessor grants, API tokens and
 * the audit log, under /api/v1. Rate limiting is opt-in per route (only sign-in uses it); its
 * counters are per process, while the account lockout lives in the database.
 */
export async function accountsRoutes(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new PkimmError('RATE_LIMITED', `too many attempts from this address; retry in ${context.after}`),
  });
  await app.register(authRoutes);
  await app.register(sessionRoutes);
  await app.register(orgRoutes);
  await app.register(memberRoutes);
  await app.register(userRoutes);
  await app.register(grantRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
}
