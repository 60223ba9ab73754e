import { createHash, timingSafeEqual } from 'node:crypto';
import { PkimmError } from '../../core/errors.js';

// Digests make every comparison the same length, so timingSafeEqual never leaks a token's length.
const digest = (text: string) => createHash('sha256').update(text).digest();

/** Throws 401 unless the Authorization header carries one of the hub's tokens. */
export function requireHubToken(header: string | undefined, tokens: readonly string[]): void {
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  let ok = false;
  if (given !== undefined) {
    const mine = digest(given);
    // No early exit: every token is compared whatever matched.
    for (const token of tokens) ok = timingSafeEqual(mine, digest(token)) || ok;
  }
  if (!ok) throw new PkimmError('UNAUTHENTICATED', 'a valid hub token (Authorization: Bearer …) is required');
}
