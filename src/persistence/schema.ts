/**
 * The database as Kysely sees it: one interface per table. Same schema on SQLite and
 * PostgreSQL; portable column types only (TEXT ids from crypto.randomUUID, ISO-8601 text
 * timestamps written by the app, 0/1 integers for flags, JSON as TEXT). Row types stop at the
 * repositories, which map them to domain types.
 */
import type { Generated } from 'kysely';

export type Role = 'owner' | 'assessor' | 'contributor' | 'viewer';

export interface OrganisationTable {
  id: string;
  name: string;
  slug: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
}

export interface MembershipTable {
  org_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

/** An external assessor invited to one assessment only, with no membership in its organisation. */
export interface AssessmentGrantTable {
  assessment_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token; the token itself is never stored. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  /** sha256 of the token; shown once at creation. */
  token_hash: string;
  user_id: string;
  org_id: string;
  name: string;
  /** JSON array of scopes, e.g. ["assessments:read"]. */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AssessmentTable {
  id: string;
  org_id: string;
  title: string;
  model_id: string;
  model_version: string;
  mode: string;
  type: string | null;
  status: 'draft' | 'in-review' | 'final';
  /** Optimistic-concurrency version, +1 on every change; sent back as the ETag. */
  version: number;
  /** The whole assessment in our own format (JSON), so nothing is ever lost. */
  document: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface RevisionTable {
  id: Generated<number>;
  assessment_id: string;
  org_id: string;
  /** The assessment version this change produced. */
  version: number;
  actor_user_id: string;
  at: string;
  /** What changed, e.g. "requirement.level" or "import". */
  kind: string;
  /** JSON: the path, the value before and after. */
  change: string;
}

export interface IdempotencyTable {
  user_id: string;
  key: string;
  /** sha256 of method, route and body, so a reused key with another request is refused. */
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  assessment_id: string;
  /** `scan`: an automated scan's inventory as JSON content (src/server/scans). */
  kind: 'text' | 'link' | 'file' | 'scan';
  title: string;
  text: string | null;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  content: Uint8Array | null;
  /** JSON array of requirement keys it supports. */
  requirement_keys: string;
  created_by: string;
  created_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  org_id: string | null;
  actor_user_id: string | null;
  event: string;
  /** JSON details; never a secret. */
  detail: string;
  ip: string | null;
  at: string;
}

/** A signed attestation of a final assessment (migration 002). */
export interface AttestationTable {
  id: string;
  assessment_id: string;
  org_id: string;
  /** The compact JWS, exactly as issued. */
  jws: string;
  /** `sha256:` + hex over the payload bytes. */
  digest: string;
  /** The signing certificate's subject. */
  issuer: string;
  issued_by: string | null;
  created_at: string;
}

/** The server's own signing identity when the operator configured none: one row, created on first use. */
export interface AttestationKeyTable {
  id: string;
  private_key_pem: string;
  certificate_pem: string;
  ca_certificate_pem: string;
  created_at: string;
}

/** The scope, previous cycle and reminder of an assessment (migration 003). */
export interface AssessmentCycleTable {
  assessment_id: string;
  org_id: string;
  scope_key: string;
  baseline_id: string | null;
  /** YYYY-MM-DD; null means the default (a year after it was made final). */
  reminder_on: string | null;
  /** The assessment whose Governance and Resources answers this one uses. */
  shared_source_id: string | null;
  updated_at: string;
}

/** An organisation's weight for one scope in the portfolio roll-up (migration 003). */
export interface PortfolioScopeTable {
  org_id: string;
  scope_key: string;
  weight: number;
  updated_at: string;
}

/** One organisation's contribution to a benchmark pool per model version (migration 004). */
export interface BenchmarkSubmissionTable {
  pool: string;
  org_hash: string;
  model_version: string;
  quarter: string;
  industry: string;
  size: string;
  region: string;
  role: string;
  cas: string;
  type: string;
  levels: string;
  synthetic: number;
  submitted_at: string;
}

export interface BenchmarkSecretTable {
  id: string;
  secret: string;
  created_at: string;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  memberships: MembershipTable;
  assessment_grants: AssessmentGrantTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  assessments: AssessmentTable;
  revisions: RevisionTable;
  idempotency_keys: IdempotencyTable;
  evidence: EvidenceTable;
  audit_log: AuditTable;
  attestations: AttestationTable;
  attestation_keys: AttestationKeyTable;
  assessment_cycles: AssessmentCycleTable;
  portfolio_scopes: PortfolioScopeTable;
  benchmark_submissions: BenchmarkSubmissionTable;
  benchmark_secrets: BenchmarkSecretTable;
  scan_suggestions: ScanSuggestionTable;
  assessment_log: AssessmentLogTable;
  assessment_participants: AssessmentParticipantTable;
  participant_statements: ParticipantStatementTable;
  requirement_reviews: RequirementReviewTable;
  requirement_questions: RequirementQuestionTable;
  respondent_ratings: RespondentRatingTable;
  requirement_consensus: RequirementConsensusTable;
  assurance_profiles: AssuranceProfileTable;
  approvals: ApprovalTable;
  sign_offs: SignOffTable;
  corrections: CorrectionTable;
  onsite_contacts: OnsiteContactTable;
  onsite_artifacts: OnsiteArtifactTable;
  onsite_interviews: OnsiteInterviewTable;
  onsite_interviewees: OnsiteIntervieweeTable;
  workshops: WorkshopTable;
  workshop_items: WorkshopItemTable;
  workshop_votes: WorkshopVoteTable;
}

export interface ScanSuggestionTable {
  id: string;
  org_id: string;
  assessment_id: string;
  evidence_id: string;
  requirement_key: string;
  rule: string;
  level: number;
  /** JSON array of sentences. */
  reasoning: string;
  status: 'open' | 'accepted' | 'changed' | 'rejected';
  decided_level: number | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface AssessmentLogTable {
  assessment_id: string;
  seq: number;
  org_id: string;
  at: string;
  actor_user_id: string;
  event: string;
  /** JSON object. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Columns every on-site register entry has (migration 008). */
interface OnsiteRegisterColumns {
  id: string;
  org_id: string;
  assessment_id: string;
  /** JSON array of requirement keys. */
  requirement_keys: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OnsiteContactTable extends OnsiteRegisterColumns {
  name: string;
  role: string;
  team: string;
}

export interface OnsiteArtifactTable extends OnsiteRegisterColumns {
  title: string;
  owner: string;
  version: string;
  /** YYYY-MM-DD. */
  document_date: string | null;
  locator: string;
}

export interface OnsiteInterviewTable extends OnsiteRegisterColumns {
  /** YYYY-MM-DD. */
  held_on: string;
  notes: string;
}

export interface OnsiteIntervieweeTable {
  interview_id: string;
  contact_id: string;
  position: number;
}

export interface WorkshopTable {
  id: string;
  org_id: string;
  assessment_id: string;
  title: string;
  facilitator_user_id: string;
  status: 'open' | 'closed';
  current_key: string | null;
  opened_at: string;
  closed_at: string | null;
}

export interface WorkshopItemTable {
  workshop_id: string;
  requirement_key: string;
  position: number;
  started_at: string;
  agreed_level: number | null;
  notes: string | null;
  agreed_by: string | null;
  agreed_at: string | null;
  agreed_version: number | null;
}

export interface WorkshopVoteTable {
  workshop_id: string;
  requirement_key: string;
  participant_key: string;
  participant_name: string;
  user_id: string | null;
  level: number;
  entered_by: string;
  at: string;
}

/** Sign-off rules of one assessment (migration 009). */
export interface AssuranceProfileTable {
  assessment_id: string;
  evidence_from_level: number;
  /** JSON array of user ids. */
  approvers: string;
  updated_by: string;
  updated_at: string;
}

/** One approver's decision on one version of an assessment. */
export interface ApprovalTable {
  id: Generated<number>;
  assessment_id: string;
  version: number;
  user_id: string;
  decision: 'approve' | 'reject';
  comment: string;
  at: string;
}

/** The four-eyes sign-off that froze an assessment; its existence is what the triggers check. */
export interface SignOffTable {
  assessment_id: string;
  org_id: string;
  approved_version: number;
  version: number;
  /** JSON array of user ids. */
  approvers: string;
  attestation_id: string | null;
  at: string;
}

/** A correction: a new assessment that revises a signed-off one, with the reason. */
export interface CorrectionTable {
  correction_id: string;
  original_id: string;
  org_id: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** Lane H5, the assurance workflow (migration 007, docs/assurance.md#workflow). */
export interface AssessmentParticipantTable {
  assessment_id: string;
  user_id: string;
  role: 'respondent' | 'assessor' | 'reviewer' | 'approver';
  added_by: string;
  added_at: string;
}

export interface ParticipantStatementTable {
  assessment_id: string;
  user_id: string;
  independence: string;
  qualification: string;
  stated_at: string;
}

export interface RequirementReviewTable {
  assessment_id: string;
  requirement_key: string;
  status:
    | 'not-provided'
    | 'provided-not-reviewed'
    | 'reviewed-supports'
    | 'reviewed-inconclusive'
    | 'reviewed-does-not-support';
  comment: string | null;
  reviewed_by: string;
  reviewed_at: string;
}

export interface RequirementQuestionTable {
  id: string;
  assessment_id: string;
  requirement_key: string;
  question: string;
  asked_by: string;
  asked_at: string;
  status: 'open' | 'answered';
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface RespondentRatingTable {
  assessment_id: string;
  requirement_key: string;
  user_id: string;
  level: number;
  note: string | null;
  updated_at: string;
}

export interface RequirementConsensusTable {
  assessment_id: string;
  requirement_key: string;
  level: number;
  note: string | null;
  version: number;
  decided_by: string;
  decided_at: string;
}
