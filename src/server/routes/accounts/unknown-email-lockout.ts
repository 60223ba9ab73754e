import type { FastifyInstance } from 'fastify';
import { normaliseEmail } from '../../../persistence/repositories/accounts/users.js';

interface Series {
  failures: number;
  lockedUntil: string | null;
}

/**
 * Failed sign-ins for emails that have no account, counted so that such an email "locks" after
 * the same number of attempts as a real account. Without it, the lockout itself told accounts
 * apart: a real email answered 429 after five wrong passwords, an unknown one 401 for ever.
 * Nothing here protects an account (there is none), so memory per process is enough; the
 * entry cap keeps a spray of made-up emails from growing it without bound.
 */
export class UnknownEmailLockout {
  private readonly series = new Map<string, Series>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The end of the current lock for this email, or null when it is not locked at `now`. */
  lockedUntil(email: string, now: Date): string | null {
    const until = this.series.get(normaliseEmail(email))?.lockedUntil ?? null;
    return until !== null && until > now.toISOString() ? until : null;
  }

  /** Counts a failure as recordFailedSignIn does for an account: at the threshold, lock and start afresh. */
  recordFailure(email: string, rule: { threshold: number; lockUntil: Date }): { lockedUntil: string | null } {
    const key = normaliseEmail(email);
    const current = this.series.get(key) ?? { failures: 0, lockedUntil: null };
    this.series.delete(key);
    const failures = current.failures + 1;
    const next: Series =
      failures >= rule.threshold
        ? { failures: 0, lockedUntil: rule.lockUntil.toISOString() }
        : { failures, lockedUntil: current.lockedUntil };
    this.series.set(key, next);
    // Map keeps insertion order, and every touch re-inserts, so the first key is the stalest.
    if (this.series.size > this.maxEntries) this.series.delete(this.series.keys().next().value!);
    return { lockedUntil: failures >= rule.threshold ? next.lockedUntil : null };
  }
}

// Keyed by the app's dependencies, which every encapsulated plugin context shares.
const byDeps = new WeakMap<object, UnknownEmailLockout>();

export function unknownEmailLockout(app: FastifyInstance): UnknownEmailLockout {
  let lockout = byDeps.get(app.deps);
  if (!lockout) {
    lockout = new UnknownEmailLockout();
    byDeps.set(app.deps, lockout);
  }
  return lockout;
}
