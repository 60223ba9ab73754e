import type { EvidenceGap } from '../workflow/evidence-rule.js';
import type { AssuranceProfile } from './profile.js';

export type Decision = 'approve' | 'reject';

/** Which rule refused: the server answers 403 for who may decide, 409 for the assessment's state. */
export type RefusedRule = 'signed-off' | 'status' | 'approver' | 'own-rating' | 'evidence';

export interface Refusal {
  rule: RefusedRule;
  message: string;
  /** Requirement keys, for the evidence rule. */
  keys?: string[];
}

export interface ApprovalAttempt {
  userId: string;
  decision: Decision;
  profile: AssuranceProfile;
  status: 'draft' | 'in-review' | 'final';
  signedOff: boolean;
  /** Everyone who wrote a rating revision of this assessment. */
  raters: ReadonlySet<string>;
  /** Gaps at the current version under the profile's evidence level. */
  gaps: readonly EvidenceGap[];
}

/**
 * Why a decision must be refused, one precise sentence per broken rule, in the order a user can
 * act on them; empty when it may be recorded. Who may decide comes before what the assessment
 * lacks, so an outsider learns nothing about the evidence. The version check is the caller's
 * (If-Match), because it needs the stored state.
 */
export function approvalRefusals(attempt: ApprovalAttempt): Refusal[] {
  if (attempt.signedOff) {
    return [{ rule: 'signed-off', message: 'the assessment is signed off; ask for a correction instead' }];
  }
  const refusals: Refusal[] = [];
  if (!attempt.profile.approvers.includes(attempt.userId)) {
    refusals.push({
      rule: 'approver',
      message:
        attempt.profile.approvers.length === 0
          ? 'the assurance profile names no approvers yet; an owner must name them first'
          : 'you are not a named approver of this assessment',
    });
  }
  if (attempt.raters.has(attempt.userId)) {
    refusals.push({
      rule: 'own-rating',
      message:
        'you rated requirements or categories of this assessment, and nobody approves their own rating',
    });
  }
  if (attempt.status === 'draft') {
    refusals.push({
      rule: 'status',
      message: 'only an assessment in review or final can be approved; this one is a draft',
    });
  }
  if (attempt.decision === 'approve' && attempt.gaps.length > 0) {
    const list = attempt.gaps.map((g) => `${g.key} (level ${g.level}, evidence ${g.status})`).join(', ');
    refusals.push({
      rule: 'evidence',
      message: `ratings from level ${attempt.profile.evidenceFromLevel} need evidence reviewed as supporting; missing for: ${list}`,
      keys: attempt.gaps.map((g) => g.key),
    });
  }
  return refusals;
}

export interface RecordedDecision {
  userId: string;
  version: number;
  decision: Decision;
  /** Ordering of decisions; a later one replaces an approver's earlier one. */
  order: number;
}

/**
 * True when every named approver's latest decision on `version` is an approval. Decisions on
 * other versions count for nothing: any change after an approval voids it.
 */
export function signOffDue(
  approvers: readonly string[],
  decisions: readonly RecordedDecision[],
  version: number,
) {
  if (approvers.length === 0) return false;
  const latest = new Map<string, RecordedDecision>();
  for (const d of decisions) {
    if (d.version !== version) continue;
    const before = latest.get(d.userId);
    if (!before || before.order < d.order) latest.set(d.userId, d);
  }
  return approvers.every((id) => latest.get(id)?.decision === 'approve');
}
