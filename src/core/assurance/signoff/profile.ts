/**
 * The sign-off rules of one assessment (docs/assurance.md): from which level a rating needs
 * reviewed, supporting evidence, and who must approve. Without a stored profile the default
 * applies, and nobody is named, so nothing can be signed off until an owner names approvers.
 */
export interface AssuranceProfile {
  /** Ratings at or above this level need evidence reviewed as supporting; 6 switches the rule off. */
  evidenceFromLevel: number;
  /** User ids; every one must approve the same version. */
  approvers: string[];
}

export const DEFAULT_EVIDENCE_FROM_LEVEL = 3;
/** One above the highest maturity level: no rating reaches it, so no evidence is required. */
export const EVIDENCE_RULE_OFF = 6;

export const DEFAULT_PROFILE: AssuranceProfile = {
  evidenceFromLevel: DEFAULT_EVIDENCE_FROM_LEVEL,
  approvers: [],
};

export interface ProfileIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a profile an owner wants to store. `eligible` holds the users who may be
 * named: members of the organisation and approver participants of the assessment.
 */
export function profileIssues(profile: AssuranceProfile, eligible: ReadonlySet<string>): ProfileIssue[] {
  const issues: ProfileIssue[] = [];
  const { evidenceFromLevel, approvers } = profile;
  if (
    !Number.isInteger(evidenceFromLevel) ||
    evidenceFromLevel < 1 ||
    evidenceFromLevel > EVIDENCE_RULE_OFF
  ) {
    issues.push({
      path: 'evidenceFromLevel',
      message: `must be a whole number from 1 to ${EVIDENCE_RULE_OFF} (${EVIDENCE_RULE_OFF} = no evidence required)`,
    });
  }
  const seen = new Set<string>();
  approvers.forEach((id, index) => {
    if (seen.has(id)) issues.push({ path: `approvers.${index}`, message: `${id} is named twice` });
    seen.add(id);
    if (!eligible.has(id)) {
      issues.push({
        path: `approvers.${index}`,
        message: `${id} is neither a member of the organisation nor an approver of this assessment`,
      });
    }
  });
  return issues;
}
