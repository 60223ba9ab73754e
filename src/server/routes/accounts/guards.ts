import { PkimmError } from '../../../core/errors.js';
import { requireUser } from '../../auth/access.js';
import type { Principal, TokenScope } from '../../auth/principal.js';

/**
 * A signed-in person, not a script: API tokens are bound to one organisation and may not
 * create organisations, mint further tokens or create accounts.
 */
export function requireSession(principal: Principal | null, action: string): Principal {
  const user = requireUser(principal);
  if (user.via !== 'session')
    throw new PkimmError('FORBIDDEN', `an API token may not ${action}; sign in instead`);
  return user;
}

/** For token requests, the scope a route needs beyond what role checks cover (e.g. reading members). */
export function requireScope(principal: Principal, scope: TokenScope): void {
  if (principal.token && !principal.token.scopes.includes(scope)) {
    throw new PkimmError('FORBIDDEN', `this API token lacks the ${scope} scope`);
  }
}
