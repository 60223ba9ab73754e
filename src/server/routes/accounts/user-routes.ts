import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import { requireUser } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';
import { createAccount } from './create-account.js';
import { EmailSchema, PasswordSchema, SESSION_ONLY, UserSchema } from './schemas.js';

/** Accounts are created by an admin (the first admin by `pkimm user create --admin`). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account (admins only)',
        security: SESSION_ONLY,
        body: z.object({
          email: EmailSchema,
          name: z.string().trim().min(1, 'must not be empty').max(200),
          password: PasswordSchema,
        }),
        response: { 201: z.object({ user: UserSchema }) },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request.principal);
      if (!principal.isAdmin) throw new PkimmError('FORBIDDEN', 'only an admin may create accounts');
      const user = await createAccount(
        app.deps.database.db,
        { ...request.body, isAdmin: false },
        app.deps.now(),
        'body',
      );
      await auditEvent(app, request, {
        event: 'user.created',
        detail: { userId: user.id, email: user.email },
      });
      return reply.status(201).send({ user });
    },
  );
};
