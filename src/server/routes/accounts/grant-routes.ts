import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { PkimmError } from '../../../core/errors.js';
import { isUniqueViolation } from '../../../persistence/dialect.js';
import {
  assessmentOrgId,
  deleteGrant,
  insertGrant,
  listGrants,
} from '../../../persistence/repositories/accounts/grants.js';
import { findMember } from '../../../persistence/repositories/accounts/memberships.js';
import { findUserByEmail } from '../../../persistence/repositories/accounts/users.js';
import type { Database } from '../../../persistence/schema.js';
import { notFound, orgRole, requireCapability, requireUser } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';
import { EmailSchema, GrantRoleSchema, GrantSchema, IdParam, NoContent, SECURITY } from './schemas.js';

const Params = z.object({ assessmentId: IdParam });

/**
 * The organisation of an assessment the caller owns. Anyone else, including an invited
 * assessor, gets 404: the organisation's id is not revealed either.
 */
async function ownedAssessmentOrg(db: Kysely<Database>, request: FastifyRequest, assessmentId: string) {
  const principal = requireUser(request.principal);
  const orgId = await assessmentOrgId(db, assessmentId);
  if (orgId === undefined) throw notFound('assessment', assessmentId);
  const role = await orgRole(db, principal, orgId).catch((error: unknown) => {
    throw error instanceof PkimmError && error.code === 'NOT_FOUND'
      ? notFound('assessment', assessmentId)
      : error;
  });
  requireCapability(principal, role, 'manage-members');
  return orgId;
}

/** External assessors: an owner invites an existing account to one assessment, and nothing else. */
export const grantRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['grants'];

  app.get(
    '/assessments/:assessmentId/grants',
    {
      schema: {
        tags,
        summary: 'Who was invited to this assessment (owners only)',
        security: SECURITY,
        params: Params,
        response: { 200: z.object({ grants: z.array(GrantSchema) }) },
      },
    },
    async (request) => {
      await ownedAssessmentOrg(db, request, request.params.assessmentId);
      return { grants: await listGrants(db, request.params.assessmentId) };
    },
  );

  app.post(
    '/assessments/:assessmentId/grants',
    {
      schema: {
        tags,
        summary: 'Invite an existing account to this one assessment (owners only)',
        security: SECURITY,
        params: Params,
        body: z.object({ email: EmailSchema, role: GrantRoleSchema.default('assessor') }),
        response: { 201: GrantSchema },
      },
    },
    async (request, reply) => {
      const { assessmentId } = request.params;
      const orgId = await ownedAssessmentOrg(db, request, assessmentId);
      const user = await findUserByEmail(db, request.body.email);
      if (!user) {
        throw new PkimmError('UNKNOWN_ID', `no account has the email ${request.body.email}`, {
          issues: [{ path: 'body.email', message: 'no account has this email' }],
        });
      }
      if (await findMember(db, orgId, user.id)) {
        throw new PkimmError(
          'CONFLICT',
          `${user.email} is a member of the organisation already; change their role instead`,
        );
      }
      const { role } = request.body;
      const at = app.deps.now();
      try {
        await db.transaction().execute(async (trx) => {
          await insertGrant(trx, { assessmentId, userId: user.id, role, at });
          const detail = { assessmentId, userId: user.id, email: user.email, role };
          await auditEvent(app, request, { event: 'grant.created', orgId, detail }, trx);
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new PkimmError('CONFLICT', `${user.email} is invited to this assessment already`, {
          cause: error,
        });
      }
      const grant = {
        assessmentId,
        userId: user.id,
        email: user.email,
        name: user.name,
        role,
        createdAt: at.toISOString(),
      };
      return reply.status(201).send(grant);
    },
  );

  app.delete(
    '/assessments/:assessmentId/grants/:userId',
    {
      schema: {
        tags,
        summary: "Withdraw someone's invitation to this assessment (owners only)",
        security: SECURITY,
        params: Params.extend({ userId: IdParam }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const { assessmentId, userId } = request.params;
      const orgId = await ownedAssessmentOrg(db, request, assessmentId);
      await db.transaction().execute(async (trx) => {
        if (!(await deleteGrant(trx, assessmentId, userId))) throw notFound('grant for user', userId);
        await auditEvent(
          app,
          request,
          { event: 'grant.removed', orgId, detail: { assessmentId, userId } },
          trx,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
