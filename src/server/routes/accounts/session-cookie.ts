import { createHash, randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { insertSession, deleteExpiredSessions } from '../../../persistence/repositories/accounts/sessions.js';

/** The cookie that carries a session token; the database holds only its sha256. */
export const SESSION_COOKIE = 'pkimm_session';

/**
 * Over HTTPS the name carries the `__Host-` prefix, so browsers accept it only when Secure,
 * for Path=/ and from this exact host: a sibling subdomain cannot plant or overwrite it.
 * Plain-HTTP loopback cannot use the prefix and keeps the bare name.
 */
export function sessionCookieName(app: FastifyInstance): string {
  return app.deps.config.secureCookies ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** The session token the request carries under this server's cookie name, if any. */
export function sessionSecretOf(app: FastifyInstance, request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(app)];
}
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;

/** 32 random bytes, base64url: unguessable, and safe in a cookie or header without quoting. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * sha256 is enough for secrets of 256 random bits: there is nothing to brute-force, and a
 * fast hash keeps the lookup one indexed equality per request (unlike a password hash).
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * When a session seen at `now` ends: after the idle time without a request, but never later
 * than its lifetime counted from sign-in, so a busy session still re-authenticates daily.
 */
export function sessionExpiry(app: FastifyInstance, createdAt: Date, now: Date): Date {
  const { sessionIdleMinutes, sessionHours } = app.deps.config;
  const idle = now.getTime() + sessionIdleMinutes * MINUTE_MS;
  return new Date(Math.min(idle, createdAt.getTime() + sessionHours * HOUR_MS));
}

/** HttpOnly keeps scripts away from it; SameSite=Lax keeps it off cross-site POSTs; Secure unless plain-HTTP loopback. */
export function sessionCookieOptions(app: FastifyInstance): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: app.deps.config.secureCookies,
    // The browser may keep it for the lifetime; the server ends it earlier when it sits idle.
    maxAge: app.deps.config.sessionHours * (HOUR_MS / 1000),
  };
}

/** Stores a new session for the user and hands its token to the browser. */
export async function startSession(app: FastifyInstance, reply: FastifyReply, userId: string): Promise<void> {
  const secret = newSecret();
  const now = app.deps.now();
  const { db } = app.deps.database;
  await deleteExpiredSessions(db, userId, now);
  await insertSession(db, {
    idHash: hashSecret(secret),
    userId,
    at: now,
    expiresAt: sessionExpiry(app, now, now),
  });
  reply.setCookie(sessionCookieName(app), secret, sessionCookieOptions(app));
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  const { maxAge: _ignored, ...options } = sessionCookieOptions(app);
  reply.clearCookie(sessionCookieName(app), options);
}
