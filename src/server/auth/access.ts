import type { Kysely } from 'kysely';
import { PkimmError } from '../../core/errors.js';
import type { AssessmentTable, Database, Role } from '../../persistence/schema.js';
import { roleCan, scopeFor, type Capability, type Principal } from './principal.js';

/** The principal, or 401 when the request is anonymous. */
export function requireUser(principal: Principal | null): Principal {
  if (!principal)
    throw new PkimmError('UNAUTHENTICATED', 'sign in first, or send an API token as Authorization: Bearer …');
  return principal;
}

/**
 * The principal's role in an organisation. Someone who is not a member gets 404, the same as
 * for an organisation that does not exist, so tenants cannot discover each other.
 */
export async function orgRole(
  db: Kysely<Database>,
  principal: Principal | null,
  orgId: string,
): Promise<Role> {
  const user = requireUser(principal);
  if (user.token && user.token.orgId !== orgId) throw notFound('organisation', orgId);
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('org_id', '=', orgId)
    .where('user_id', '=', user.userId)
    .executeTakeFirst();
  if (!row) throw notFound('organisation', orgId);
  return row.role;
}

/** Checks a capability for a role and, for token requests, the token's scope (403 when missing). */
export function requireCapability(principal: Principal, role: Role, capability: Capability): void {
  if (!roleCan(role, capability)) {
    throw new PkimmError('FORBIDDEN', `your role (${role}) may not ${describe(capability)}`);
  }
  const scope = scopeFor(capability);
  if (principal.token && !principal.token.scopes.includes(scope)) {
    throw new PkimmError('FORBIDDEN', `this API token lacks the ${scope} scope`);
  }
}

/**
 * Loads an assessment the principal may act on, with their role there: a membership of its
 * organisation, or a grant for this one assessment (external assessors). 404 otherwise.
 */
export async function assessmentAccess(
  db: Kysely<Database>,
  principal: Principal | null,
  assessmentId: string,
  capability: Capability,
): Promise<{ assessment: AssessmentTable; role: Role }> {
  const user = requireUser(principal);
  const assessment = await db
    .selectFrom('assessments')
    .selectAll()
    .where('id', '=', assessmentId)
    .executeTakeFirst();
  if (!assessment || (user.token && user.token.orgId !== assessment.org_id))
    throw notFound('assessment', assessmentId);
  const membership = await db
    .selectFrom('memberships')
    .select('role')
    .where('org_id', '=', assessment.org_id)
    .where('user_id', '=', user.userId)
    .executeTakeFirst();
  const grant = membership
    ? undefined
    : await db
        .selectFrom('assessment_grants')
        .select('role')
        .where('assessment_id', '=', assessmentId)
        .where('user_id', '=', user.userId)
        .executeTakeFirst();
  const role = membership?.role ?? grant?.role;
  if (!role) throw notFound('assessment', assessmentId);
  requireCapability(user, role, capability);
  return { assessment, role };
}

export function notFound(what: string, id: string): PkimmError {
  return new PkimmError('NOT_FOUND', `no ${what} ${id}`);
}

function describe(capability: Capability): string {
  switch (capability) {
    case 'read':
      return 'read this';
    case 'rate':
      return 'change ratings, scope or assessment details';
    case 'annotate':
      return 'add notes or evidence';
    case 'review':
      return 'send the assessment to review';
    case 'finalise':
      return 'finalise, reopen, restore or delete assessments';
    case 'manage-members':
      return 'manage members';
  }
}
