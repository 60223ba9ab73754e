/** The assurance endpoints (docs/assurance.md); shapes come from the server's zod schemas. */
import type { z } from 'zod';
import type {
  ApprovalOutcomeSchema,
  ApprovalSchema,
  ApprovalsSchema,
  CorrectionSchema,
  CorrectionsSchema,
  ProfileSchema,
  SignOffSchema,
} from '../../server/routes/signoff-schemas.js';
import type { ParticipantSchema, StatementSchema } from '../../server/routes/workflow-schemas.js';
import type { ParticipantRole } from '../../core/assurance/workflow/workflow.types.js';
import { request } from '../api/client.js';

export type { ParticipantRole } from '../../core/assurance/workflow/workflow.types.js';
export { PARTICIPANT_ROLES } from '../../core/assurance/workflow/workflow.types.js';
export { EVIDENCE_RULE_OFF } from '../../core/assurance/signoff/profile.js';

export type Participant = z.output<typeof ParticipantSchema>;
export type Statement = z.output<typeof StatementSchema>;
/**
 * An invitation to this one assessment, as `GET …/grants` answers. Written out here because the
 * accounts schemas import server-only modules the web build cannot type-check.
 */
export interface Grant {
  assessmentId: string;
  userId: string;
  email: string;
  name: string;
  role: 'owner' | 'assessor' | 'contributor' | 'viewer';
  createdAt: string;
}
export type Approval = z.output<typeof ApprovalSchema>;
export type SignOff = z.output<typeof SignOffSchema>;
export type Correction = z.output<typeof CorrectionSchema>;
export type Corrections = z.output<typeof CorrectionsSchema>;
export type ApprovalOutcome = z.output<typeof ApprovalOutcomeSchema>;

/** Display names of the user ids a reply mentions; newer servers send them, older ones do not. */
interface Named {
  names?: Record<string, string>;
}
export type Profile = z.output<typeof ProfileSchema> & Named;
export type Approvals = z.output<typeof ApprovalsSchema> & Named;

const enc = encodeURIComponent;
const base = (id: string) => `/assessments/${enc(id)}`;

export const assuranceApi = {
  participants: (id: string) => request<{ participants: Participant[] }>(`${base(id)}/participants`),
  addParticipant: (id: string, userId: string, role: ParticipantRole) =>
    request<Participant>(`${base(id)}/participants`, { method: 'POST', body: { userId, role } }),
  removeParticipant: (id: string, userId: string, role: ParticipantRole) =>
    request<null>(`${base(id)}/participants/${enc(userId)}/${enc(role)}`, { method: 'DELETE' }),
  state: (id: string, independence: string, qualification: string) =>
    request<Statement>(`${base(id)}/participants/me/statement`, {
      method: 'POST',
      body: { independence, qualification },
    }),
  grants: (id: string) => request<{ grants: Grant[] }>(`/assessments/${enc(id)}/grants`),
  profile: (id: string) => request<Profile>(`${base(id)}/profile`),
  saveProfile: (id: string, evidenceFromLevel: number, approvers: string[]) =>
    request<Profile>(`${base(id)}/profile`, { method: 'PUT', body: { evidenceFromLevel, approvers } }),
  approvals: (id: string) => request<Approvals>(`${base(id)}/approvals`),
  /** Decides on exactly `version`: a later change of the assessment answers 409. */
  decide: (id: string, version: number, decision: 'approve' | 'reject', comment: string) =>
    request<ApprovalOutcome>(`${base(id)}/approvals`, {
      method: 'POST',
      body: { decision, comment },
      headers: { 'if-match': `"${version}"` },
    }),
  corrections: (id: string) => request<Corrections>(`${base(id)}/corrections`),
  correct: (id: string, reason: string) =>
    request<Correction>(`${base(id)}/corrections`, { method: 'POST', body: { reason } }),
};
