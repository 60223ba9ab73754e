import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import { isUniqueViolation } from '../../../persistence/dialect.js';
import { insertMembership, listMembers } from '../../../persistence/repositories/accounts/memberships.js';
import { findUserByEmail } from '../../../persistence/repositories/accounts/users.js';
import { orgRole, requireCapability, requireUser } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';
import { requireScope } from './guards.js';
import { changeMemberRole, removeMember } from './member-changes.js';
import { EmailSchema, IdParam, MemberSchema, NoContent, RoleSchema, SECURITY } from './schemas.js';

const OrgParams = z.object({ orgId: IdParam });
const MemberParams = z.object({ orgId: IdParam, userId: IdParam });

/** An organisation's members: any member may list them; only owners change them (a member may leave). */
export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['members'];

  app.get(
    '/orgs/:orgId/members',
    {
      schema: {
        tags,
        summary: 'The members of an organisation',
        security: SECURITY,
        params: OrgParams,
        response: { 200: z.object({ members: z.array(MemberSchema) }) },
      },
    },
    async (request) => {
      await orgRole(db, request.principal, request.params.orgId);
      requireScope(requireUser(request.principal), 'members:read');
      return { members: await listMembers(db, request.params.orgId) };
    },
  );

  app.post(
    '/orgs/:orgId/members',
    {
      schema: {
        tags,
        summary: 'Add an existing account as a member (owners only)',
        security: SECURITY,
        params: OrgParams,
        body: z.object({ email: EmailSchema, role: RoleSchema }),
        response: { 201: MemberSchema },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const principal = requireUser(request.principal);
      requireCapability(principal, await orgRole(db, principal, orgId), 'manage-members');
      const user = await findUserByEmail(db, request.body.email);
      if (!user) {
        throw new PkimmError(
          'UNKNOWN_ID',
          `no account has the email ${request.body.email}; an admin creates accounts first`,
          {
            issues: [{ path: 'body.email', message: 'no account has this email' }],
          },
        );
      }
      const { role } = request.body;
      const at = app.deps.now();
      try {
        await db.transaction().execute(async (trx) => {
          await insertMembership(trx, { orgId, userId: user.id, role, at });
          const detail = { userId: user.id, email: user.email, role };
          await auditEvent(app, request, { event: 'member.added', orgId, detail }, trx);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new PkimmError('CONFLICT', `${user.email} is already a member; change their role instead`, {
          cause: error,
        });
      }
      return reply
        .status(201)
        .send({ userId: user.id, email: user.email, name: user.name, role, since: at.toISOString() });
    },
  );

  app.patch(
    '/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role (owners only; the last owner cannot be demoted)",
        security: SECURITY,
        params: MemberParams,
        body: z.object({ role: RoleSchema }),
        response: { 200: MemberSchema },
      },
    },
    async (request) => {
      const principal = requireUser(request.principal);
      requireCapability(principal, await orgRole(db, principal, request.params.orgId), 'manage-members');
      return changeMemberRole(app, request, { ...request.params, role: request.body.role });
    },
  );

  app.delete(
    '/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary:
          'Remove a member (owners), or leave the organisation yourself; their API tokens for it are revoked',
        security: SECURITY,
        params: MemberParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request.principal);
      const role = await orgRole(db, principal, request.params.orgId);
      if (request.params.userId === principal.userId) requireScope(principal, 'members:write');
      else requireCapability(principal, role, 'manage-members');
      await removeMember(app, request, request.params);
      return reply.status(204).send(null);
    },
  );
};
