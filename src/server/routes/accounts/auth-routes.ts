import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import { listGrantedAssessments } from '../../../persistence/repositories/accounts/grants.js';
import { listOrganisationsOf } from '../../../persistence/repositories/accounts/organisations.js';
import { deleteSession } from '../../../persistence/repositories/accounts/sessions.js';
import { findUserById } from '../../../persistence/repositories/accounts/users.js';
import { requireUser } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';
import {
  NoContent,
  OrganisationSchema,
  PasswordSchema,
  RoleSchema,
  SECURITY,
  UserSchema,
} from './schemas.js';
import { clearSessionCookie, hashSecret, sessionSecretOf, startSession } from './session-cookie.js';
import { signIn } from './sign-in.js';

/** Per client address; a script that needs more should use an API token instead of signing in. */
export const SIGN_IN_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };

/** Sign-in, sign-out and "who am I". */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/sign-in',
    {
      config: { rateLimit: SIGN_IN_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: z.object({ email: z.string().min(1).max(320), password: PasswordSchema }),
        response: { 200: z.object({ user: UserSchema }) },
      },
    },
    async (request, reply) => {
      const user = await signIn(app, request, request.body.email, request.body.password);
      // A fresh token at every sign-in; the one the browser held before (if any) is ended.
      const previous = sessionSecretOf(app, request);
      if (previous) await deleteSession(app.deps.database.db, hashSecret(previous));
      await startSession(app, reply, user.id);
      return { user };
    },
  );

  app.post(
    '/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'End the current session and clear its cookie',
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      const secret = sessionSecretOf(app, request);
      if (secret && request.principal?.via === 'session') {
        await deleteSession(app.deps.database.db, hashSecret(secret));
        await auditEvent(app, request, { event: 'auth.sign-out', detail: {} });
      }
      clearSessionCookie(app, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their organisations with roles, and assessments they were invited to',
        security: SECURITY,
        response: {
          200: z.object({
            user: UserSchema,
            organisations: z.array(OrganisationSchema),
            assessments: z.array(z.object({ id: z.string(), title: z.string(), role: RoleSchema })),
          }),
        },
      },
    },
    async (request) => {
      const principal = requireUser(request.principal);
      const { db } = app.deps.database;
      const user = await findUserById(db, principal.userId);
      // The account can only vanish between the principal lookup and here.
      if (!user) throw new PkimmError('UNAUTHENTICATED', 'this account no longer exists');
      const token = principal.token;
      const organisations = (await listOrganisationsOf(db, user.id)).filter(
        (o) => !token || o.id === token.orgId,
      );
      // A token is bound to an organisation it is a member of; grants are for other organisations.
      const assessments = token ? [] : await listGrantedAssessments(db, user.id);
      return { user, organisations, assessments };
    },
  );
};
