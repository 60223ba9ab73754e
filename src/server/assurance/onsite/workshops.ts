import { randomUUID } from 'node:crypto';
import {
  normaliseName,
  participantKey,
  type Participant,
} from '../../../core/assurance/onsite/participants.js';
import type { VoteLevel } from '../../../core/assurance/onsite/spread.js';
import { PkimmError } from '../../../core/errors.js';
import { findUserById } from '../../../persistence/repositories/accounts/users.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import * as repo from '../../../persistence/repositories/onsite-workshops.js';
import type { WorkshopRecord } from '../../../persistence/repositories/onsite-workshops.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { assertNoIssues, unknownKeyIssues } from '../../assessments/model-issues.js';
import { assertNotFinal, openAssessment, type OpenedAssessment } from '../../assessments/open-assessment.js';
import { saveAnswer } from '../../assessments/save-answer.js';

/** The assessment and one of its workshops; 404 when the workshop belongs to another assessment. */
export interface OpenedWorkshop {
  opened: OpenedAssessment;
  workshop: WorkshopRecord;
}

export async function findWorkshop(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
  capability: 'read' | 'rate',
): Promise<OpenedWorkshop> {
  const opened = await openAssessment(deps, principal, assessmentId, capability);
  const workshop = await repo.getWorkshop(deps.database.db, workshopId);
  if (!workshop || workshop.assessmentId !== assessmentId)
    throw new PkimmError('NOT_FOUND', `no workshop ${workshopId} in this assessment`);
  return { opened, workshop };
}

const CLOSED = 'this workshop is closed; its votes and agreements are frozen';

/**
 * The facilitator's own steps: only the member who opened the workshop may drive it, and only
 * while they still may rate the assessment, it is not final and the workshop is open.
 */
async function asFacilitator(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
): Promise<OpenedWorkshop> {
  const found = await findWorkshop(deps, principal, assessmentId, workshopId, 'rate');
  if (found.workshop.facilitatorUserId !== found.opened.principal.userId)
    throw new PkimmError('FORBIDDEN', 'only the facilitator of this workshop may do this');
  assertNotFinal(found.opened);
  if (found.workshop.status !== 'open') throw new PkimmError('CONFLICT', CLOSED);
  return found;
}

const logOf = (opened: OpenedAssessment, at: string, event: string, detail: Record<string, unknown>) => ({
  assessmentId: opened.record.id,
  orgId: opened.record.orgId,
  at,
  actor: opened.principal.userId,
  event,
  detail,
});

/** Opens a workshop with the caller as facilitator; it needs someone who may rate. */
export async function openWorkshop(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  input: { title: string },
): Promise<WorkshopRecord> {
  const opened = await openAssessment(deps, principal, assessmentId, 'rate');
  assertNotFinal(opened);
  const at = deps.now().toISOString();
  const record: WorkshopRecord = {
    id: randomUUID(),
    orgId: opened.record.orgId,
    assessmentId,
    title: input.title,
    facilitatorUserId: opened.principal.userId,
    status: 'open',
    currentKey: null,
    openedAt: at,
    closedAt: null,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    await repo.insertWorkshop(trx, record);
    await appendLog(trx, logOf(opened, at, 'workshop.opened', { workshop: record.id, title: record.title }));
  });
  return record;
}

/** Moves the shared screen to a requirement of the model. */
export async function setCurrent(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
  key: string,
): Promise<void> {
  const { opened } = await asFacilitator(deps, principal, assessmentId, workshopId);
  assertNoIssues(
    unknownKeyIssues(opened.assessment, opened.model, 'requirements', [key]),
    `unknown requirement ${key}`,
  );
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenWorkshop(trx, workshopId))) throw new PkimmError('CONFLICT', CLOSED);
    await repo.setCurrentItem(trx, workshopId, key, at);
    await appendLog(trx, logOf(opened, at, 'workshop.current', { workshop: workshopId, requirement: key }));
  });
}

export type VoteInput = { level: VoteLevel; participant?: string | undefined };

/**
 * A rating for the current requirement. Without a name it is the caller's own vote, so anyone
 * who may read the assessment can take part from their own device; with a name it is a vote
 * the facilitator types in for someone without one, and nobody else may do that.
 */
export async function castVote(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
  input: VoteInput,
): Promise<void> {
  const typedIn = input.participant !== undefined;
  const { opened, workshop } = typedIn
    ? await asFacilitator(deps, principal, assessmentId, workshopId)
    : await findWorkshop(deps, principal, assessmentId, workshopId, 'read');
  assertNotFinal(opened);
  // Reading is enough to take part, but a vote is still a write: a read-only token casts none.
  const token = opened.principal.token;
  if (token && !token.scopes.includes('assessments:write'))
    throw new PkimmError('FORBIDDEN', 'this API token lacks the assessments:write scope');
  if (workshop.status !== 'open') throw new PkimmError('CONFLICT', CLOSED);
  const key = workshop.currentKey;
  if (key === null) throw new PkimmError('CONFLICT', 'the facilitator has not chosen a requirement yet');
  const userId = opened.principal.userId;
  let participant: Participant;
  let name: string;
  if (input.participant === undefined) {
    participant = { kind: 'member', userId };
    name = (await findUserById(deps.database.db, userId))?.name ?? opened.principal.email;
  } else {
    name = normaliseName(input.participant);
    if (name === '')
      throw new PkimmError('VALIDATION_FAILED', 'name the participant', {
        issues: [{ path: 'body.participant', message: 'must not be blank' }],
      });
    participant = { kind: 'named', name };
  }
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    // The facilitator may have moved on or closed the workshop since it was read above.
    if (!(await repo.lockOpenWorkshop(trx, workshopId, key)))
      throw new PkimmError('CONFLICT', 'the workshop moved on or was closed; reload and vote again');
    await repo.putVote(trx, workshopId, {
      key,
      participantKey: participantKey(participant),
      participantName: name,
      userId: participant.kind === 'member' ? userId : null,
      level: input.level,
      enteredBy: userId,
      at,
    });
    await appendLog(
      trx,
      logOf(opened, at, 'workshop.vote', {
        workshop: workshopId,
        requirement: key,
        participant: name,
        typedIn,
        level: input.level,
      }),
    );
  });
}

/**
 * Records the agreed rating and the discussion notes of a requirement the workshop discussed
 * (the current one unless `key` names an earlier one). The rating goes through the autosave
 * path, so it is one revision with every check an ordinary rating gets; the agreement commits
 * in the same transaction, so neither exists without the other.
 */
export async function agree(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
  input: { level: VoteLevel; notes: string; key?: string | undefined },
): Promise<{ key: string; version: number }> {
  const { opened, workshop } = await asFacilitator(deps, principal, assessmentId, workshopId);
  const key = input.key ?? workshop.currentKey;
  if (key === null) throw new PkimmError('CONFLICT', 'the facilitator has not chosen a requirement yet');
  const items = await repo.listItems(deps.database.db, workshopId);
  if (!items.some((i) => i.key === key))
    throw new PkimmError(
      'CONFLICT',
      `the workshop has not discussed ${key}; make it the current requirement first`,
    );
  const at = deps.now().toISOString();
  const saved = await saveAnswer(deps, principal, {
    assessmentId,
    expectedVersion: opened.record.version,
    change: { target: 'requirement', key, field: 'level', value: input.level },
    alongside: {
      // The workshop's row first, then the assessment's (the revision): the order votes, moves
      // and the close take them in, so concurrent steps wait for each other instead of deadlocking.
      before: async (trx) => {
        if (!(await repo.lockOpenWorkshop(trx, workshopId))) throw new PkimmError('CONFLICT', CLOSED);
      },
      after: async (trx, version) => {
        await repo.agreeItem(trx, workshopId, key, {
          level: input.level,
          notes: input.notes,
          by: opened.principal.userId,
          at,
          version,
        });
        await appendLog(
          trx,
          logOf(opened, at, 'workshop.agreed', {
            workshop: workshopId,
            requirement: key,
            level: input.level,
            version,
            notes: input.notes,
          }),
        );
      },
    },
  });
  return { key, version: saved.body.version };
}

/** Ends the session: from now on its votes and agreements cannot change. */
export async function closeWorkshop(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
  workshopId: string,
): Promise<void> {
  const { opened } = await asFacilitator(deps, principal, assessmentId, workshopId);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenWorkshop(trx, workshopId))) throw new PkimmError('CONFLICT', CLOSED);
    await repo.closeWorkshop(trx, workshopId, at);
    await appendLog(trx, logOf(opened, at, 'workshop.closed', { workshop: workshopId }));
  });
}
