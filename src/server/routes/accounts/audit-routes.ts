import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../../persistence/repositories/audit.js';
import { orgRole, requireCapability, requireUser } from '../../auth/access.js';
import { requireScope } from './guards.js';
import { AuditEntrySchema, IdParam, SECURITY } from './schemas.js';

/** The security events of an organisation, for its owners. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.get(
    '/orgs/:orgId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Security events of the organisation, newest first (owners only)',
        security: SECURITY,
        params: z.object({ orgId: IdParam }),
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce
            .number()
            .int()
            .min(1)
            .optional()
            .describe('only entries with a smaller id (paging)'),
          event: z.string().max(100).optional().describe('only this event, e.g. member.role-changed'),
        }),
        response: { 200: z.object({ entries: z.array(AuditEntrySchema) }) },
      },
    },
    async (request) => {
      const principal = requireUser(request.principal);
      const { orgId } = request.params;
      // Owners only: the log names members and addresses; tokens also need members:read.
      requireCapability(principal, await orgRole(db, principal, orgId), 'manage-members');
      requireScope(principal, 'members:read');
      const { limit, before, event } = request.query;
      const entries = await listAudit(db, orgId, {
        limit,
        ...(before === undefined ? {} : { beforeId: before }),
        ...(event === undefined ? {} : { event }),
      });
      return { entries };
    },
  );
};
