import {
  approvalRefusals,
  type Decision,
  type Refusal,
} from '../../../core/assurance/signoff/approval-rules.js';
import { DEFAULT_PROFILE } from '../../../core/assurance/signoff/profile.js';
import { evidenceGaps } from '../../../core/assurance/workflow/evidence-rule.js';
import { PkimmError, type ErrorCode } from '../../../core/errors.js';
import { appendLog } from '../../../persistence/repositories/assessment-log.js';
import {
  getProfile,
  getSignOff,
  insertApproval,
  listApprovals,
  ratersOf,
  type ApprovalRecord,
  type SignOffRecord,
} from '../../../persistence/repositories/signoff.js';
import { reviewStatuses } from '../../../persistence/repositories/workflow-reviews.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../../assessments/deps.js';
import { assertVersion, openAssessment } from '../../assessments/open-assessment.js';
import { namesOf } from './people-names.js';
import { signOffIfDue } from './sign-off.js';
import { SIGNED_OFF_REFUSAL, requireWriteScope } from './signoff-context.js';

export interface ApprovalInput {
  assessmentId: string;
  expectedVersion: number;
  decision: Decision;
  comment: string;
  ip: string;
}

export interface ApprovalOutcome {
  approval: ApprovalRecord;
  /** Set when this approval was the last one needed. */
  signOff: SignOffRecord | null;
}

const CODE_OF: Record<Refusal['rule'], ErrorCode> = {
  'signed-off': 'READ_ONLY',
  approver: 'FORBIDDEN',
  'own-rating': 'FORBIDDEN',
  status: 'CONFLICT',
  evidence: 'CONFLICT',
};

/**
 * Records a named approver's decision on the current version (If-Match) after checking every
 * rule of the profile, then signs off if that was the last approval needed. Each rule is
 * checked here, on the server, whatever a client shows.
 */
export async function recordApproval(
  deps: ServiceDeps,
  principal: Principal | null,
  input: ApprovalInput,
): Promise<ApprovalOutcome> {
  const opened = await openAssessment(deps, principal, input.assessmentId, 'read');
  requireWriteScope(opened.principal);
  const { db } = deps.database;
  const { record } = opened;
  const userId = opened.principal.userId;
  const signedOff = (await getSignOff(db, record.id)) !== undefined;
  if (signedOff) throw new PkimmError('READ_ONLY', SIGNED_OFF_REFUSAL);
  assertVersion(opened, input.expectedVersion);
  const profile = (await getProfile(db, record.id)) ?? DEFAULT_PROFILE;
  const gaps =
    input.decision === 'approve'
      ? evidenceGaps(
          opened.assessment,
          opened.model,
          await reviewStatuses(db, record.id),
          profile.evidenceFromLevel,
        )
      : [];
  const refusals = approvalRefusals({
    userId,
    decision: input.decision,
    profile,
    status: record.status,
    signedOff,
    raters: await ratersOf(db, record.id),
    gaps,
  });
  const first = refusals[0];
  if (first) {
    throw new PkimmError(CODE_OF[first.rule], refusals.map((r) => r.message).join('; '), {
      issues: refusals.flatMap((r) =>
        r.keys
          ? r.keys.map((key) => ({
              path: `requirements.${key}`,
              message: 'needs evidence reviewed as supporting',
            }))
          : [{ path: r.rule, message: r.message }],
      ),
    });
  }
  const at = deps.now().toISOString();
  const approval = await db.transaction().execute(async (trx) => {
    // appendLog takes the row lock first, so the version read after it cannot move under us.
    await appendLog(trx, {
      assessmentId: record.id,
      orgId: record.orgId,
      at,
      actor: userId,
      event: input.decision === 'approve' ? 'approval.given' : 'approval.rejected',
      detail: { version: input.expectedVersion, comment: input.comment },
    });
    const current = await trx
      .selectFrom('assessments')
      .select('version')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    if (Number(current.version) !== input.expectedVersion) {
      throw new PkimmError(
        'CONFLICT',
        'the assessment changed while you decided; read it again and decide on the new version',
      );
    }
    return insertApproval(trx, record.id, {
      userId,
      version: input.expectedVersion,
      decision: input.decision,
      comment: input.comment,
      at,
    });
  });
  const signOff =
    input.decision === 'approve' ? await signOffIfDue(deps, record.id, userId, input.ip) : undefined;
  return { approval, signOff: signOff ?? null };
}

export interface ApprovalsView {
  version: number;
  approvers: string[];
  /** Named approvers without an approval of the current version. */
  pending: string[];
  approvals: ApprovalRecord[];
  signOff: SignOffRecord | null;
  /** Display names of every user id above. */
  names: Record<string, string>;
}

/** Every decision, and who still has to approve the current version. */
export async function readApprovals(
  deps: ServiceDeps,
  principal: Principal | null,
  assessmentId: string,
): Promise<ApprovalsView> {
  const { record } = await openAssessment(deps, principal, assessmentId, 'read');
  const { db } = deps.database;
  const profile = (await getProfile(db, record.id)) ?? DEFAULT_PROFILE;
  const approvals = await listApprovals(db, record.id);
  const signOff = (await getSignOff(db, record.id)) ?? null;
  const latest = new Map<string, Decision>();
  for (const a of approvals) if (a.version === record.version) latest.set(a.userId, a.decision);
  const pending = signOff ? [] : profile.approvers.filter((id) => latest.get(id) !== 'approve');
  return {
    version: record.version,
    approvers: profile.approvers,
    pending,
    approvals,
    signOff,
    names: await namesOf(db, [
      ...profile.approvers,
      ...approvals.map((a) => a.userId),
      ...(signOff?.approvers ?? []),
    ]),
  };
}
