import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../../../persistence/repositories/accounts/api-tokens.js';
import { notFound, orgRole } from '../../auth/access.js';
import { TOKEN_SCOPES, type TokenScope } from '../../auth/principal.js';
import { auditEvent } from './audit-event.js';
import { requireSession } from './guards.js';
import { ApiTokenSchema, IdParam, NoContent, ScopeSchema, SESSION_ONLY } from './schemas.js';
import { hashSecret, newSecret } from './session-cookie.js';

const OrgParams = z.object({ orgId: IdParam });
const DAY_MS = 24 * 60 * 60 * 1000;

/** Scopes unknown to this version (written by a newer one) are left out rather than failing the list. */
function isTokenScope(scope: string): scope is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(scope);
}

/**
 * API tokens for scripts: bound to one organisation, limited by scopes and by the creator's
 * role there. Managed with a session only, so a leaked token cannot mint or extend others.
 */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  const tags = ['api tokens'];

  app.post(
    '/orgs/:orgId/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token; the secret is shown in this response only',
        security: SESSION_ONLY,
        params: OrgParams,
        body: z.object({
          name: z.string().trim().min(1, 'must not be empty').max(100),
          scopes: z.array(ScopeSchema).min(1, 'give at least one scope'),
          expiresInDays: z.number().int().min(1).max(3650).optional(),
        }),
        response: { 201: ApiTokenSchema.extend({ token: z.string().describe('pkimm_…; store it now') }) },
      },
    },
    async (request, reply) => {
      const principal = requireSession(request.principal, 'manage API tokens');
      const { orgId } = request.params;
      await orgRole(db, principal, orgId);
      const { name, scopes, expiresInDays } = request.body;
      const secret = `pkimm_${newSecret()}`;
      const at = app.deps.now();
      const expiresAt = expiresInDays === undefined ? null : new Date(at.getTime() + expiresInDays * DAY_MS);
      const unique = [...new Set(scopes)];
      const token = await db.transaction().execute(async (trx) => {
        const created = await insertApiToken(trx, {
          tokenHash: hashSecret(secret),
          userId: principal.userId,
          orgId,
          name,
          scopes: unique,
          at,
          expiresAt,
        });
        const detail = { tokenId: created.id, name, scopes: unique, expiresAt: created.expiresAt };
        await auditEvent(app, request, { event: 'token.created', orgId, detail }, trx);
        return created;
      });
      return reply.status(201).send({ ...token, scopes: unique, token: secret });
    },
  );

  app.get(
    '/orgs/:orgId/tokens',
    {
      schema: {
        tags,
        summary: 'Your API tokens for this organisation (never their secrets)',
        security: SESSION_ONLY,
        params: OrgParams,
        response: { 200: z.object({ tokens: z.array(ApiTokenSchema) }) },
      },
    },
    async (request) => {
      const principal = requireSession(request.principal, 'manage API tokens');
      await orgRole(db, principal, request.params.orgId);
      const tokens = await listApiTokens(db, request.params.orgId, principal.userId);
      return { tokens: tokens.map((t) => ({ ...t, scopes: t.scopes.filter(isTokenScope) })) };
    },
  );

  app.delete(
    '/orgs/:orgId/tokens/:tokenId',
    {
      schema: {
        tags,
        summary: 'Revoke an API token (your own; owners may revoke any in the organisation)',
        security: SESSION_ONLY,
        params: OrgParams.extend({ tokenId: IdParam }),
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const principal = requireSession(request.principal, 'manage API tokens');
      const { orgId, tokenId } = request.params;
      const role = await orgRole(db, principal, orgId);
      const token = await findApiToken(db, orgId, tokenId);
      if (!token || (token.userId !== principal.userId && role !== 'owner'))
        throw notFound('API token', tokenId);
      await db.transaction().execute(async (trx) => {
        await revokeApiToken(trx, tokenId, app.deps.now());
        await auditEvent(
          app,
          request,
          { event: 'token.revoked', orgId, detail: { tokenId, name: token.name, userId: token.userId } },
          trx,
        );
      });
      return reply.status(204).send(null);
    },
  );
};
