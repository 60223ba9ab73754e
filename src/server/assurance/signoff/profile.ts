import {
  DEFAULT_PROFILE,
  profileIssues,
  type AssuranceProfile,
} from '../../../core/assurance/signoff/profile.js';
import { PkimmError } from '../../../core/errors.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import {
  getProfile,
  getSignOff,
  membersAmong,
  saveProfile,
} from '../../../persistence/repositories/signoff.js';
import { listParticipants } from '../../../persistence/repositories/workflow-participants.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { openAssessment } from '../../assessments/open-assessment.js';
import { namesOf } from './people-names.js';
import { SIGNED_OFF_REFUSAL, requireWriteScope } from './signoff-context.js';

export interface ProfileView extends AssuranceProfile {
  /** False while the default applies because no owner has stored a profile. */
  stored: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Display names of the approvers and of whoever stored the profile. */
  names: Record<string, string>;
}

export async function readProfile(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<ProfileView> {
  await openAssessment(deps, principal, id, 'read');
  const { db } = deps.database;
  const stored = await getProfile(db, id);
  const view = stored
    ? { ...stored, stored: true }
    : { ...DEFAULT_PROFILE, approvers: [], stored: false, updatedBy: null, updatedAt: null };
  return { ...view, names: await namesOf(db, [...view.approvers, view.updatedBy]) };
}

/**
 * Stores the profile; only an owner (the `finalise` capability) may, because the approvers it
 * names decide the sign-off. Every named approver must be a member of the organisation or an
 * approver participant of this assessment, so no outsider can be made to sign.
 */
export async function writeProfile(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  profile: AssuranceProfile,
): Promise<ProfileView> {
  const opened = await openAssessment(deps, principal, id, 'finalise');
  requireWriteScope(opened.principal);
  const { db } = deps.database;
  if (await getSignOff(db, id)) throw new PkimmError('READ_ONLY', SIGNED_OFF_REFUSAL);
  const members = await membersAmong(db, opened.record.orgId, profile.approvers);
  const participants = await listParticipants(db, id, opened.record.orgId);
  const eligible = new Set([
    ...members,
    ...participants.filter((p) => p.role === 'approver').map((p) => p.userId),
  ]);
  const issues = profileIssues(profile, eligible);
  if (issues.length > 0) {
    throw new PkimmError(
      'VALIDATION_FAILED',
      `the assurance profile is invalid: ${issues[0]?.message ?? ''}`,
      {
        issues: issues.map((i) => ({ path: `body.${i.path}`, message: i.message })),
      },
    );
  }
  const at = deps.now().toISOString();
  const by = opened.principal.userId;
  await db.transaction().execute(async (trx) => {
    await saveProfile(trx, id, profile, by, at);
    await appendLog(trx, {
      assessmentId: id,
      orgId: opened.record.orgId,
      at,
      actor: by,
      event: 'profile.set',
      detail: { evidenceFromLevel: profile.evidenceFromLevel, approvers: profile.approvers },
    });
  });
  const names = await namesOf(db, [...profile.approvers, by]);
  return { ...profile, stored: true, updatedBy: by, updatedAt: at, names };
}
