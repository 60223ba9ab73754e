/**
 * The pure sign-off rules: which profiles are valid, why an approval is refused, and when the
 * approvals add up to a sign-off (only decisions on the same version count).
 */
import { describe, expect, it } from 'vitest';
import {
  approvalRefusals,
  signOffDue,
  type ApprovalAttempt,
  type RecordedDecision,
} from '../../src/core/assurance/signoff/approval-rules.js';
import { EVIDENCE_RULE_OFF, profileIssues } from '../../src/core/assurance/signoff/profile.js';

const attempt = (overrides: Partial<ApprovalAttempt> = {}): ApprovalAttempt => ({
  userId: 'ciso',
  decision: 'approve',
  profile: { evidenceFromLevel: 3, approvers: ['ciso', 'pki-owner'] },
  status: 'in-review',
  signedOff: false,
  raters: new Set(['assessor']),
  gaps: [],
  ...overrides,
});

describe('assurance profile', () => {
  it('accepts eligible approvers and a level from 1 to the switch-off value', () => {
    const eligible = new Set(['a', 'b']);
    expect(profileIssues({ evidenceFromLevel: 1, approvers: ['a', 'b'] }, eligible)).toEqual([]);
    expect(profileIssues({ evidenceFromLevel: EVIDENCE_RULE_OFF, approvers: [] }, eligible)).toEqual([]);
  });

  it('names each problem: a bad level, a duplicate, someone who may not be named', () => {
    const issues = profileIssues({ evidenceFromLevel: 0, approvers: ['a', 'a', 'stranger'] }, new Set(['a']));
    expect(issues.map((i) => i.path)).toEqual(['evidenceFromLevel', 'approvers.1', 'approvers.2']);
    expect(issues[2]?.message).toContain('stranger');
    expect(profileIssues({ evidenceFromLevel: 2.5, approvers: [] }, new Set())).toHaveLength(1);
  });
});

describe('approval refusals', () => {
  it('lets a named approver who rated nothing approve a gap-free assessment in review or final', () => {
    expect(approvalRefusals(attempt())).toEqual([]);
    expect(approvalRefusals(attempt({ status: 'final' }))).toEqual([]);
  });

  it('refuses every broken rule at once, each with its own rule and message', () => {
    const gaps = [{ key: 'G.x.y', level: 4, status: 'provided-not-reviewed' as const }];
    const refusals = approvalRefusals(
      attempt({ userId: 'assessor', status: 'draft', raters: new Set(['assessor']), gaps }),
    );
    expect(refusals.map((r) => r.rule)).toEqual(['approver', 'own-rating', 'status', 'evidence']);
    expect(refusals[3]?.message).toContain('G.x.y (level 4, evidence provided-not-reviewed)');
    expect(refusals[3]?.keys).toEqual(['G.x.y']);
  });

  it('does not apply the evidence rule to a rejection, but still refuses a rater', () => {
    const gaps = [{ key: 'G.x.y', level: 3, status: 'not-provided' as const }];
    expect(approvalRefusals(attempt({ decision: 'reject', gaps }))).toEqual([]);
    expect(
      approvalRefusals(attempt({ decision: 'reject', raters: new Set(['ciso']) })).map((r) => r.rule),
    ).toEqual(['own-rating']);
  });

  it('says that approvers must be named first when the profile names none', () => {
    const [refusal] = approvalRefusals(attempt({ profile: { evidenceFromLevel: 3, approvers: [] } }));
    expect(refusal?.message).toContain('names no approvers');
  });

  it('refuses anything on a signed-off assessment and nothing else', () => {
    expect(approvalRefusals(attempt({ signedOff: true })).map((r) => r.rule)).toEqual(['signed-off']);
  });
});

describe('sign-off due', () => {
  const decision = (userId: string, version: number, order: number, d: 'approve' | 'reject' = 'approve') =>
    ({ userId, version, order, decision: d }) satisfies RecordedDecision;
  const approvers = ['ciso', 'pki-owner'];

  it('is due only when every named approver approved the same version', () => {
    expect(signOffDue(approvers, [decision('ciso', 4, 1), decision('pki-owner', 4, 2)], 4)).toBe(true);
    expect(signOffDue(approvers, [decision('ciso', 3, 1), decision('pki-owner', 4, 2)], 4)).toBe(false);
    expect(signOffDue(approvers, [decision('ciso', 4, 1)], 4)).toBe(false);
    expect(signOffDue([], [], 4)).toBe(false);
  });

  it("takes each approver's latest decision on the version", () => {
    const changedMind = [
      decision('ciso', 4, 1),
      decision('pki-owner', 4, 2),
      decision('ciso', 4, 3, 'reject'),
    ];
    expect(signOffDue(approvers, changedMind, 4)).toBe(false);
    expect(signOffDue(approvers, [...changedMind, decision('ciso', 4, 4)], 4)).toBe(true);
  });

  it('ignores decisions of people who are not named', () => {
    expect(signOffDue(['ciso'], [decision('someone', 4, 1)], 4)).toBe(false);
  });
});
