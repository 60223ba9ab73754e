import { PkimmError } from '../../core/errors.js';
import type { LogEntry } from '../../core/audit/log-chain.js';
import { verifyLoggedState, type LogVerification } from '../../core/audit/verify-log.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/schema.js';
import { listLog, loggedState, sha256Hex } from '../../persistence/repositories/assessment-log.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment } from '../assessments/open-assessment.js';

/** Checks one assessment's log against its stored rows; used by the API and `pkimm audit verify`. */
export async function verifyAssessmentLog(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<LogVerification> {
  const state = await loggedState(db, assessmentId);
  if (!state) throw new PkimmError('NOT_FOUND', `no assessment ${assessmentId}`);
  return verifyLoggedState(state, sha256Hex);
}

export async function readAssessmentLog(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<LogEntry[]> {
  await openAssessment(deps, principal, assessmentId, 'read');
  return listLog(deps.database.db, assessmentId);
}

export async function checkAssessmentLog(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<LogVerification> {
  await openAssessment(deps, principal, assessmentId, 'read');
  return verifyAssessmentLog(deps.database.db, assessmentId);
}
