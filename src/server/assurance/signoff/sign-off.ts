import { signOffDue } from '../../../core/assurance/signoff/approval-rules.js';
import { evidenceGaps } from '../../../core/assurance/workflow/evidence-rule.js';
import { isSignedOffViolation, isUniqueViolation } from '../../../persistence/dialect.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import { applyChangeIn } from '../../../persistence/repositories/assessments/apply-change.js';
import { getAssessment } from '../../../persistence/repositories/assessments/assessments.js';
import {
  getProfile,
  getSignOff,
  insertSignOff,
  listApprovals,
  type SignOffRecord,
} from '../../../persistence/repositories/signoff.js';
import { reviewStatuses } from '../../../persistence/repositories/workflow-reviews.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { loadAssessment } from '../../assessments/loaded-assessment.js';
import { signAttestationOf, storeAttestation } from '../../attestations/issue-attestation.js';
import { signOffClaim } from './signoff-claim.js';

/** Another writer changed or signed the assessment between our read and our transaction. */
class LostRace extends Error {}

/**
 * Signs the assessment off once every named approver has approved its current version: in one
 * transaction the status becomes final (as a status revision, through applyChange), the
 * `signoff` entry is appended to the log, the attestation is stored, and last the sign_offs
 * row is written, which freezes everything (the triggers of migration 009). Answers the
 * sign-off, or undefined when it is not due. Safe to run concurrently: a loser of the race
 * returns the winner's sign-off.
 */
export async function signOffIfDue(
  deps: ServiceDeps,
  assessmentId: string,
  actor: string,
  ip: string,
): Promise<SignOffRecord | undefined> {
  const { db } = deps.database;
  const existing = await getSignOff(db, assessmentId);
  if (existing) return existing;
  const record = await getAssessment(db, assessmentId);
  const profile = await getProfile(db, assessmentId);
  if (!record || !profile || record.status === 'draft') return undefined;
  const decisions = (await listApprovals(db, assessmentId)).map((d) => ({ ...d, order: d.id }));
  if (!signOffDue(profile.approvers, decisions, record.version)) return undefined;
  const loaded = await loadAssessment(deps, record);
  // A review may have been withdrawn since the last approval was checked: the rule holds at the end too.
  const reviews = await reviewStatuses(db, assessmentId);
  if (evidenceGaps(loaded.assessment, loaded.model, reviews, profile.evidenceFromLevel).length > 0)
    return undefined;

  const at = deps.now().toISOString();
  const version = record.status === 'final' ? record.version : record.version + 1;
  const claim = await signOffClaim(db, record, { at, version, approvers: profile.approvers });
  // Signed before the transaction: the signing identity may have to be read or created first.
  const attestation = await signAttestationOf(deps, loaded, actor, claim);
  const signOff: SignOffRecord = {
    assessmentId,
    approvedVersion: record.version,
    version,
    approvers: profile.approvers,
    attestationId: attestation.id,
    at,
  };
  try {
    await db.transaction().execute(async (trx) => {
      if (record.status !== 'final') {
        const outcome = await applyChangeIn(trx, {
          assessmentId,
          expectedVersion: record.version,
          actor,
          at,
          kind: 'status',
          change: { path: ['status'], before: record.status, after: 'final' },
          nextDocument: record.document,
          nextColumns: { status: 'final' },
        });
        if (!outcome.applied) throw new LostRace();
      } else {
        // Already final: take the row lock on the approved version, or give way.
        const locked = await trx
          .updateTable('assessments')
          .set((eb) => ({ id: eb.ref('id') }))
          .where('id', '=', assessmentId)
          .where('version', '=', record.version)
          .executeTakeFirst();
        if (Number(locked.numUpdatedRows) === 0) throw new LostRace();
      }
      // The entry goes in before the sign_offs row: once that exists, the log is frozen too.
      await appendLog(trx, {
        assessmentId,
        orgId: record.orgId,
        at,
        actor,
        event: 'signoff',
        detail: {
          approvedVersion: signOff.approvedVersion,
          version,
          approvers: signOff.approvers,
          attestationId: attestation.id,
          digest: attestation.digest,
        },
      });
      await storeAttestation(trx, attestation, ip);
      await insertSignOff(trx, record.orgId, signOff);
    });
  } catch (error) {
    if (error instanceof LostRace || isUniqueViolation(error) || isSignedOffViolation(error)) {
      return getSignOff(db, assessmentId);
    }
    throw error;
  }
  return signOff;
}
