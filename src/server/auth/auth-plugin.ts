import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { PkimmError } from '../../core/errors.js';
import { findApiTokenByHash, markApiTokenUsed } from '../../persistence/repositories/accounts/api-tokens.js';
import {
  deleteSession,
  findSession,
  touchSession,
} from '../../persistence/repositories/accounts/sessions.js';
import { storageFailure } from '../../persistence/dialect.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import {
  clearSessionCookie,
  hashSecret,
  sessionCookieName,
  sessionCookieOptions,
  sessionExpiry,
  sessionSecretOf,
} from '../routes/accounts/session-cookie.js';
import { TOKEN_SCOPES, type Principal, type TokenScope } from './principal.js';

const MINUTE_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer\s+(pkimm_[A-Za-z0-9_-]{43})$/i;

/**
 * Recognises who is calling, once per request, before any route runs: an API token in
 * `Authorization: Bearer pkimm_…`, else the session cookie. Anonymous requests get a null
 * principal and routes decide whether that is enough. Cookie-authenticated writes must come
 * from an allowed origin (CSRF); token requests carry no ambient credential and are exempt.
 */
export const authPlugin = fp(async (app) => {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      request.principal = await tokenPrincipal(app, request, authorization);
      return;
    }
    const secret = sessionSecretOf(app, request);
    if (secret) request.principal = await sessionPrincipal(app, reply, secret);
    if (UNSAFE_METHODS.has(request.method)) checkOrigin(app, request, request.principal !== null);
  });
});

async function sessionPrincipal(
  app: FastifyInstance,
  reply: FastifyReply,
  secret: string,
): Promise<Principal | null> {
  const { db } = app.deps.database;
  const idHash = hashSecret(secret);
  const session = await findSession(db, idHash);
  const now = app.deps.now();
  if (!session || session.expiresAt <= now.toISOString()) {
    if (session) await deleteSession(db, idHash);
    clearSessionCookie(app, reply);
    return null;
  }
  // Sliding expiry, written at most once a minute per session so reads stay reads.
  const seenBefore = new Date(now.getTime() - MINUTE_MS);
  if (session.lastSeenAt <= seenBefore.toISOString()) {
    const expiresAt = sessionExpiry(app, new Date(session.createdAt), now);
    // On a full or read-only database the slide cannot be written; the request itself may be a
    // read that works, so it goes on with the session as it is (a write fails later on its own).
    const touched = await touchSession(db, idHash, { now, expiresAt, seenBefore }).catch((error: unknown) => {
      if (storageFailure(error)?.kind === 'full' || storageFailure(error)?.kind === 'read-only') return false;
      throw error;
    });
    if (touched) reply.setCookie(sessionCookieName(app), secret, sessionCookieOptions(app));
  }
  return { userId: session.userId, email: session.email, isAdmin: session.isAdmin, via: 'session' };
}

async function tokenPrincipal(
  app: FastifyInstance,
  request: FastifyRequest,
  authorization: string,
): Promise<Principal> {
  const secret = BEARER.exec(authorization)?.[1];
  if (!secret)
    throw new PkimmError(
      'UNAUTHENTICATED',
      'the Authorization header must be "Bearer pkimm_…" with an API token',
    );
  const { db } = app.deps.database;
  const found = await findApiTokenByHash(db, hashSecret(secret));
  const now = app.deps.now();
  if (!found) throw new PkimmError('UNAUTHENTICATED', 'this API token is not recognised');
  const { token } = found;
  if (token.revokedAt !== null)
    throw new PkimmError('UNAUTHENTICATED', `this API token was revoked at ${token.revokedAt}`);
  if (token.expiresAt !== null && token.expiresAt <= now.toISOString()) {
    throw new PkimmError('UNAUTHENTICATED', `this API token expired at ${token.expiresAt}`);
  }
  // Recording every use would turn each read into a write; once a minute says enough.
  if (await markApiTokenUsed(db, token.id, now, new Date(now.getTime() - MINUTE_MS))) {
    await recordAudit(db, {
      orgId: token.orgId,
      actorUserId: token.userId,
      event: 'token.used',
      detail: {
        tokenId: token.id,
        name: token.name,
        method: request.method,
        path: request.url.split('?')[0],
      },
      ip: request.ip,
      at: now,
    });
  }
  const scopes = TOKEN_SCOPES.filter((scope): scope is TokenScope => token.scopes.includes(scope));
  // A token never carries the admin flag: it is bound to one organisation, for scripts.
  return {
    userId: token.userId,
    email: found.email,
    isAdmin: false,
    via: 'token',
    token: { id: token.id, orgId: token.orgId, scopes },
  };
}

/**
 * A cookie-authenticated write needs an Origin (or Referer) that is ours; a browser always
 * sends one on cross-site POSTs. Anonymous writes are checked too when a browser names a
 * foreign origin, which stops a hostile page from signing a visitor into its own account.
 */
function checkOrigin(app: FastifyInstance, request: FastifyRequest, cookieAuthenticated: boolean): void {
  const claimed = request.headers.origin ?? request.headers.referer;
  if (claimed === undefined && !cookieAuthenticated) return;
  const origin = claimed === undefined ? undefined : originOf(claimed);
  const allowed = app.deps.config.allowedOrigins.map(originOf);
  if (origin === undefined || !allowed.includes(origin)) {
    throw new PkimmError('FORBIDDEN', 'cross-site request refused');
  }
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
