import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PkimmError } from '../../../core/errors.js';
import {
  clearFailedSignIns,
  findCredentials,
  normaliseEmail,
  recordFailedSignIn,
  type User,
} from '../../../persistence/repositories/accounts/users.js';
import { verifyDecoy, verifyPassword } from '../../auth/passwords.js';
import { auditEvent } from './audit-event.js';
import { unknownEmailLockout } from './unknown-email-lockout.js';

/** Five wrong passwords in a row lock the account for a quarter of an hour. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** The same words for an unknown email and a wrong password, so neither tells which accounts exist. */
const WRONG = 'the email or password is wrong';

/**
 * Checks an email and password and returns the account. The lockout lives in the database, so
 * it holds across server processes; the per-IP rate limit on the route is the first line.
 */
export async function signIn(
  app: FastifyInstance,
  request: FastifyRequest,
  email: string,
  password: string,
  /** What a success is recorded as: a sign-in, or a signed-in user proving it is still them. */
  successEvent: 'auth.sign-in' | 'auth.reauthenticated' = 'auth.sign-in',
): Promise<User> {
  const { db } = app.deps.database;
  const now = app.deps.now();
  const credentials = await findCredentials(db, email);
  const fail = (reason: string, userId: string | null) =>
    auditEvent(app, request, {
      event: 'auth.sign-in-failed',
      actorUserId: null,
      detail: { email: normaliseEmail(email), reason, ...(userId ? { userId } : {}) },
    });

  if (!credentials) {
    // An unknown email goes through the same lock as an account, so the lockout names no one.
    const phantom = unknownEmailLockout(app);
    const lockedUntil = phantom.lockedUntil(email, now);
    if (lockedUntil !== null) {
      await fail('unknown email; locked', null);
      throw locked(lockedUntil);
    }
    await verifyDecoy(password);
    const lock = phantom.recordFailure(email, {
      threshold: LOCK_AFTER_FAILURES,
      lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
    });
    await fail(lock.lockedUntil ? 'unknown email; locked' : 'unknown email', null);
    if (lock.lockedUntil) throw locked(lock.lockedUntil);
    throw new PkimmError('UNAUTHENTICATED', WRONG);
  }
  const { user } = credentials;
  // A locked account is refused before the password is looked at, so guessing during the lock is useless.
  if (credentials.lockedUntil !== null && credentials.lockedUntil > now.toISOString()) {
    await fail('locked', user.id);
    throw locked(credentials.lockedUntil);
  }
  if (!(await verifyPassword(credentials.passwordHash, password))) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const { lockedUntil } = await recordFailedSignIn(db, user.id, {
      threshold: LOCK_AFTER_FAILURES,
      lockUntil,
    });
    await fail(lockedUntil ? 'wrong password; account locked' : 'wrong password', user.id);
    if (lockedUntil) throw locked(lockedUntil);
    throw new PkimmError('UNAUTHENTICATED', WRONG);
  }
  if (credentials.failedLogins > 0 || credentials.lockedUntil !== null) await clearFailedSignIns(db, user.id);
  await auditEvent(app, request, {
    event: successEvent,
    actorUserId: user.id,
    detail: { email: user.email },
  });
  return user;
}

function locked(until: string): PkimmError {
  return new PkimmError(
    'RATE_LIMITED',
    `account locked until ${until} after ${LOCK_AFTER_FAILURES} failed sign-ins`,
  );
}
