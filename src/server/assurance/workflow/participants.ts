import { roleCan } from '../../../core/access/capabilities.js';
import { CAPABILITY_OF_PARTICIPANT } from '../../../core/assurance/workflow/permissions.js';
import type { ParticipantRole } from '../../../core/assurance/workflow/workflow.types.js';
import { PkimmError } from '../../../core/errors.js';
import { isUniqueViolation } from '../../../persistence/dialect.js';
import {
  accessRoles,
  deleteParticipant,
  getStatement,
  insertParticipant,
  listParticipants,
  listStatements,
  participationOf,
  upsertStatement,
  type ParticipantRecord,
  type StatementRecord,
} from '../../../persistence/repositories/workflow-participants.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { assertNotFinal, openAssessment } from '../../assessments/open-assessment.js';
import { requireWriteScope, writeStep } from './workflow-context.js';

export interface ParticipantView extends ParticipantRecord {
  statement: Omit<StatementRecord, 'userId'> | null;
}

export async function listParticipantViews(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<ParticipantView[]> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  const { db } = deps.database;
  const statements = new Map((await listStatements(db, assessmentId)).map((s) => [s.userId, s]));
  return (await listParticipants(db, assessmentId, opened.record.orgId)).map((p) => {
    const s = statements.get(p.userId);
    return {
      ...p,
      statement: s
        ? { independence: s.independence, qualification: s.qualification, statedAt: s.statedAt }
        : null,
    };
  });
}

/**
 * Owners name who takes part. Only a member of the organisation or an account invited to this
 * assessment can take part, and only in a role its own access allows (a viewer cannot answer).
 */
export async function addParticipant(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  input: { userId: string; role: ParticipantRole },
): Promise<ParticipantView> {
  const opened = await openAssessment(deps, principal, assessmentId, 'finalise');
  assertNotFinal(opened);
  const { db } = deps.database;
  const access = await accessRoles(db, assessmentId, opened.record.orgId, input.userId);
  const role = access.orgRole ?? access.grantRole;
  if (role === null) {
    throw new PkimmError(
      'VALIDATION_FAILED',
      'only members of the organisation or invited accounts can take part',
      {
        issues: [{ path: 'body.userId', message: 'not a member and not invited to this assessment' }],
      },
    );
  }
  const needed = CAPABILITY_OF_PARTICIPANT[input.role];
  if (!roleCan(role, needed)) {
    throw new PkimmError('VALIDATION_FAILED', `a ${role} cannot take part as ${input.role}`, {
      issues: [{ path: 'body.role', message: `needs a role that may ${needed}` }],
    });
  }
  const at = deps.now().toISOString();
  try {
    await writeStep(
      deps,
      opened,
      { event: 'participant.added', at, detail: { userId: input.userId, role: input.role, access: role } },
      (trx) => insertParticipant(trx, { assessmentId, ...input, addedBy: opened.principal.userId, at }),
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new PkimmError('CONFLICT', `this account takes part as ${input.role} already`, { cause: error });
  }
  const views = await listParticipantViews(deps, principal, assessmentId);
  const view = views.find((p) => p.userId === input.userId && p.role === input.role);
  if (!view) throw new Error('the participant just added is missing');
  return view;
}

export async function removeParticipant(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  userId: string,
  role: ParticipantRole,
): Promise<void> {
  const opened = await openAssessment(deps, principal, assessmentId, 'finalise');
  assertNotFinal(opened);
  const at = deps.now().toISOString();
  await writeStep(
    deps,
    opened,
    { event: 'participant.removed', at, detail: { userId, role } },
    async (trx) => {
      if (!(await deleteParticipant(trx, assessmentId, userId, role)))
        throw new PkimmError('NOT_FOUND', `${userId} does not take part as ${role}`);
    },
  );
}

/**
 * A participant states their independence and qualification themselves; nobody can state
 * it for them. An invited assessor may rate and review only once this is on record.
 */
export async function stateOwn(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  input: { independence: string; qualification: string },
): Promise<StatementRecord> {
  const opened = await openAssessment(deps, principal, assessmentId, 'read');
  assertNotFinal(opened);
  requireWriteScope(opened.principal);
  const { db } = deps.database;
  const userId = opened.principal.userId;
  const participation = await participationOf(db, assessmentId, userId);
  if (participation.roles.length === 0)
    throw new PkimmError('FORBIDDEN', 'only participants of this assessment can make a statement');
  const statement: StatementRecord = {
    userId,
    independence: input.independence.trim(),
    qualification: input.qualification.trim(),
    statedAt: deps.now().toISOString(),
  };
  await writeStep(
    deps,
    opened,
    {
      event: 'participant.statement',
      at: statement.statedAt,
      detail: { userId, independence: statement.independence, qualification: statement.qualification },
    },
    (trx) => upsertStatement(trx, assessmentId, statement),
  );
  return (await getStatement(db, assessmentId, userId)) ?? statement;
}
