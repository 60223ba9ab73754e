import type { FastifyInstance } from 'fastify';

/** PLACEHOLDER: sign-in, sessions, tokens, organisations and members. */
export async function accountsRoutes(_app: FastifyInstance) {}
