import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { PkimmError } from '../../../core/errors.js';
import { revokeMemberApiTokens } from '../../../persistence/repositories/accounts/api-tokens.js';
import {
  countOwners,
  deleteMembership,
  findMember,
  updateMemberRole,
  type Member,
} from '../../../persistence/repositories/accounts/memberships.js';
import { lockOrganisation } from '../../../persistence/repositories/accounts/organisations.js';
import type { Database, Role } from '../../../persistence/schema.js';
import { notFound } from '../../auth/access.js';
import { auditEvent } from './audit-event.js';

/**
 * Runs a change to one member with the organisation locked, so the "at least one owner"
 * rule, and the actor's own ownership, are checked against what is really there when the
 * change is written (two owners demoting each other at once: the second finds itself demoted).
 */
async function withMember<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  target: { orgId: string; userId: string; actorMustOwn: boolean },
  change: (trx: Kysely<Database>, member: Member) => Promise<T>,
): Promise<T> {
  const { orgId, userId } = target;
  return app.deps.database.db.transaction().execute(async (trx) => {
    if (!(await lockOrganisation(trx, orgId))) throw notFound('organisation', orgId);
    const actor = request.principal && (await findMember(trx, orgId, request.principal.userId));
    if (!actor) throw notFound('organisation', orgId);
    if (target.actorMustOwn && actor.role !== 'owner') {
      throw new PkimmError('FORBIDDEN', `your role (${actor.role}) may not manage members`);
    }
    const member = await findMember(trx, orgId, userId);
    if (!member) throw notFound('member', userId);
    return change(trx, member);
  });
}

async function keepAnOwner(
  trx: Kysely<Database>,
  orgId: string,
  member: Member,
  action: string,
): Promise<void> {
  if (member.role === 'owner' && (await countOwners(trx, orgId)) <= 1) {
    throw new PkimmError(
      'CONFLICT',
      `cannot ${action} the last owner of the organisation; make someone else an owner first`,
    );
  }
}

export async function changeMemberRole(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { orgId: string; userId: string; role: Role },
): Promise<Member> {
  return withMember(app, request, { ...input, actorMustOwn: true }, async (trx, member) => {
    if (member.role === input.role) return member;
    if (input.role !== 'owner') await keepAnOwner(trx, input.orgId, member, 'demote');
    await updateMemberRole(trx, input.orgId, input.userId, input.role);
    await auditEvent(
      app,
      request,
      {
        event: 'member.role-changed',
        orgId: input.orgId,
        detail: { userId: member.userId, email: member.email, before: member.role, after: input.role },
      },
      trx,
    );
    return { ...member, role: input.role };
  });
}

/** Removes a member, and revokes their API tokens for this organisation with it. */
export async function removeMember(
  app: FastifyInstance,
  request: FastifyRequest,
  input: { orgId: string; userId: string },
): Promise<void> {
  const actorMustOwn = input.userId !== request.principal?.userId;
  await withMember(app, request, { ...input, actorMustOwn }, async (trx, member) => {
    await keepAnOwner(trx, input.orgId, member, 'remove');
    await deleteMembership(trx, input.orgId, input.userId);
    await revokeMemberApiTokens(trx, input.orgId, input.userId, app.deps.now());
    await auditEvent(
      app,
      request,
      {
        event: 'member.removed',
        orgId: input.orgId,
        detail: { userId: member.userId, email: member.email, role: member.role },
      },
      trx,
    );
  });
}
