import { PkimmError } from '../../../core/errors.js';
import type { Principal } from '../../auth/principal.js';

/** The answer to any write on a signed-off assessment, from the API checks and the database alike. */
export const SIGNED_OFF_REFUSAL =
  'the assessment is signed off and cannot change; ask for a correction instead';

/** Sign-off steps are writes: a read-only API token may not make them. */
export function requireWriteScope(principal: Principal): void {
  if (principal.token && !principal.token.scopes.includes('assessments:write')) {
    throw new PkimmError('FORBIDDEN', 'this API token lacks the assessments:write scope');
  }
}
