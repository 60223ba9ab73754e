import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findOrganisation,
  listOrganisationsOf,
} from '../../../persistence/repositories/accounts/organisations.js';
import { notFound, orgRole, requireUser } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';
import { createOrganisation } from './create-organisation.js';
import { requireSession } from './guards.js';
import { IdParam, OrganisationSchema, SECURITY, SESSION_ONLY } from './schemas.js';

/** Organisations (tenants): create one, list mine, show one. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;

  app.post(
    '/orgs',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation; you become its owner',
        security: SESSION_ONLY,
        body: z.object({ name: z.string().trim().min(1, 'must not be empty').max(200) }),
        response: { 201: OrganisationSchema },
      },
    },
    async (request, reply) => {
      const principal = requireSession(request.principal, 'create organisations');
      const org = await createOrganisation(db, {
        name: request.body.name,
        ownerId: principal.userId,
        at: app.deps.now(),
      });
      await auditEvent(app, request, {
        event: 'org.created',
        orgId: org.id,
        detail: { name: org.name, slug: org.slug },
      });
      return reply.status(201).send({ ...org, role: 'owner' as const });
    },
  );

  app.get(
    '/orgs',
    {
      schema: {
        tags: ['organisations'],
        summary: 'The organisations you are a member of (for a token: its own organisation)',
        security: SECURITY,
        response: { 200: z.object({ organisations: z.array(OrganisationSchema) }) },
      },
    },
    async (request) => {
      const principal = requireUser(request.principal);
      const token = principal.token;
      const organisations = (await listOrganisationsOf(db, principal.userId)).filter(
        (o) => !token || o.id === token.orgId,
      );
      return { organisations };
    },
  );

  app.get(
    '/orgs/:orgId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One of your organisations',
        security: SECURITY,
        params: z.object({ orgId: IdParam }),
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => {
      const { orgId } = request.params;
      const role = await orgRole(db, request.principal, orgId);
      const org = await findOrganisation(db, orgId);
      if (!org) throw notFound('organisation', orgId);
      return { ...org, role };
    },
  );
};
