import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import {
  deleteSession,
  deleteSessionsOf,
  listSessionsOf,
  publicSessionId,
} from '../../../persistence/repositories/accounts/sessions.js';
import { setPasswordHash } from '../../../persistence/repositories/accounts/users.js';
import { requireUser } from '../../auth/access.js';
import { passwordProblem } from '../../../core/access/password-rule.js';
import { hashPassword } from '../../auth/passwords.js';
import type { Principal } from '../../auth/principal.js';
import { auditEvent } from './audit-event.js';
import { PasswordSchema, SESSION_ONLY, Timestamp } from './schemas.js';
import { hashSecret, sessionSecretOf, startSession } from './session-cookie.js';
import { signIn } from './sign-in.js';

const SessionSchema = z.object({
  id: z.string(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  current: z.boolean(),
});

/** Only a person in a browser session manages passwords and sessions; an API token never does. */
function sessionUser(principal: Principal | null): Principal {
  const user = requireUser(principal);
  if (user.via !== 'session')
    throw new PkimmError(
      'FORBIDDEN',
      'passwords and sessions are managed when signed in, not with an API token',
    );
  return user;
}

/**
 * Changing one's password and seeing or ending one's own sessions. Both ask for the current
 * password again, through the same check as sign-in (so wrong guesses count towards the
 * lockout): someone who only holds a stolen session cookie cannot lock the owner out.
 */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password; every other session of yours ends and this one gets a new token',
        security: SESSION_ONLY,
        body: z.object({ currentPassword: PasswordSchema, newPassword: PasswordSchema }),
        response: { 200: z.object({ endedSessions: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const principal = sessionUser(request.principal);
      const { currentPassword, newPassword } = request.body;
      await signIn(app, request, principal.email, currentPassword, 'auth.reauthenticated');
      const problem =
        passwordProblem(newPassword) ??
        (newPassword === currentPassword ? 'must differ from the current password' : undefined);
      if (problem) {
        throw new PkimmError('VALIDATION_FAILED', 'the new password is not accepted', {
          issues: [{ path: 'body.newPassword', message: problem }],
        });
      }
      const { db } = app.deps.database;
      await setPasswordHash(db, principal.userId, await hashPassword(newPassword));
      // Every session, this one included: a thief's copy of any cookie stops working now.
      const endedSessions = Math.max(0, (await deleteSessionsOf(db, principal.userId)) - 1);
      await startSession(app, reply, principal.userId);
      await auditEvent(app, request, { event: 'auth.password-changed', detail: { endedSessions } });
      return { endedSessions };
    },
  );

  app.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your live sessions, newest first; `current` marks the one making this request',
        security: SESSION_ONLY,
        response: { 200: z.object({ sessions: z.array(SessionSchema) }) },
      },
    },
    async (request) => {
      const principal = sessionUser(request.principal);
      const currentHash = hashSecret(sessionSecretOf(app, request) ?? '');
      const sessions = await listSessionsOf(app.deps.database.db, principal.userId, app.deps.now());
      return {
        sessions: sessions.map(({ idHash, ...session }) => ({ ...session, current: idHash === currentHash })),
      };
    },
  );

  app.post(
    '/auth/sessions/end',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of your other sessions (`session`: its id), or all of them when no id is given',
        security: SESSION_ONLY,
        body: z.object({
          password: PasswordSchema,
          session: z
            .string()
            .regex(/^[0-9a-f]{16}$/, 'must be a session id from GET /auth/sessions')
            .optional(),
        }),
        response: { 200: z.object({ ended: z.number().int() }) },
      },
    },
    async (request) => {
      const principal = sessionUser(request.principal);
      await signIn(app, request, principal.email, request.body.password, 'auth.reauthenticated');
      const { db } = app.deps.database;
      const currentHash = hashSecret(sessionSecretOf(app, request) ?? '');
      const others = (await listSessionsOf(db, principal.userId, app.deps.now())).filter(
        (s) => s.idHash !== currentHash,
      );
      const wanted = request.body.session;
      const ending = wanted === undefined ? others : others.filter((s) => s.id === wanted);
      if (wanted !== undefined && ending.length === 0) {
        const reason =
          wanted === publicSessionId(currentHash) ? 'is this one; sign out instead' : 'is not one of yours';
        throw new PkimmError('NOT_FOUND', `the session ${wanted} ${reason}`);
      }
      for (const session of ending) await deleteSession(db, session.idHash);
      const ended = ending.length;
      await auditEvent(app, request, {
        event: 'auth.sessions-ended',
        detail: { ended, ...(wanted === undefined ? { all: true } : { session: wanted }) },
      });
      return { ended };
    },
  );
};
