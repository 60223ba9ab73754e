import { orgRole, requireCapability } from '../auth/access.js';
import type { Capability, Principal } from '../auth/principal.js';
import type { ServiceDeps } from './deps.js';

/** The principal, once it is known to hold `capability` in the organisation (404 for outsiders). */
export async function requireOrgCapability(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  capability: Capability,
): Promise<Principal> {
  const role = await orgRole(deps.database.db, principal, orgId);
  // orgRole has rejected anonymous requests, so the principal is set here.
  const user = principal as Principal;
  requireCapability(user, role, capability);
  return user;
}
