/**
 * Every route of the app with what it takes to use it. The matrix tests are generated from
 * this table, and the inventory test fails when the app has a route the table does not name
 * (or the other way round), so a new route cannot slip in without a decision about who may
 * call it.
 *
 * - public: anyone, signed in or not (health, model data, attestation verification, the web app)
 * - self: any signed-in person, about themselves only (no tenant id in the path)
 * - admin: instance administrators
 * - read / annotate / rate / review / finalise / manage-members: a capability of the caller's
 *   role in the organisation or the assessment the path names (src/core/access/capabilities.ts)
 * - participant: a write any member may attempt; whether it succeeds depends on the caller's
 *   assessment-level role (workshop voter, respondent, approver), not on the organisation role
 */
export type Need =
  | 'public'
  | 'self'
  | 'admin'
  | 'read'
  | 'annotate'
  | 'rate'
  | 'review'
  | 'finalise'
  | 'manage-members'
  | 'participant';

const V = '/api/v1';

// prettier-ignore
export const ROUTES: Record<string, Need> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /': 'public',
  'GET /{*}': 'public',
  [`POST ${V}/auth/sign-in`]: 'public',
  [`POST ${V}/auth/sign-out`]: 'public',
  [`GET ${V}/auth/me`]: 'self',
  [`POST ${V}/auth/password`]: 'self',
  [`GET ${V}/auth/sessions`]: 'self',
  [`POST ${V}/auth/sessions/end`]: 'self',
  [`POST ${V}/orgs`]: 'self',
  [`GET ${V}/orgs`]: 'self',
  [`POST ${V}/users`]: 'admin',
  [`GET ${V}/models`]: 'public',
  [`GET ${V}/models/{id}/{version}`]: 'public',
  [`GET ${V}/models/{id}/{version}/eramba.csv`]: 'public',
  [`GET ${V}/benchmark/profile-options`]: 'public',
  [`GET ${V}/crosswalks`]: 'public',
  [`GET ${V}/crosswalks/{packId}`]: 'public',
  [`GET ${V}/attestations/trust-anchor.pem`]: 'public',
  [`GET ${V}/attestations/{id}`]: 'public',
  [`POST ${V}/attestations/verify`]: 'public',

  [`GET ${V}/orgs/{orgId}`]: 'read',
  [`GET ${V}/orgs/{orgId}/members`]: 'read',
  [`POST ${V}/orgs/{orgId}/members`]: 'manage-members',
  [`PATCH ${V}/orgs/{orgId}/members/{userId}`]: 'manage-members',
  [`DELETE ${V}/orgs/{orgId}/members/{userId}`]: 'manage-members',
  [`POST ${V}/orgs/{orgId}/tokens`]: 'read',
  [`GET ${V}/orgs/{orgId}/tokens`]: 'read',
  [`DELETE ${V}/orgs/{orgId}/tokens/{tokenId}`]: 'read',
  [`GET ${V}/orgs/{orgId}/audit`]: 'manage-members',
  [`GET ${V}/orgs/{orgId}/assessments`]: 'read',
  [`POST ${V}/orgs/{orgId}/assessments`]: 'rate',
  [`POST ${V}/orgs/{orgId}/assessments/import`]: 'rate',
  [`POST ${V}/orgs/{orgId}/assessments/import-file`]: 'rate',
  [`GET ${V}/orgs/{orgId}/cycles`]: 'read',
  [`GET ${V}/orgs/{orgId}/trend`]: 'read',
  [`GET ${V}/orgs/{orgId}/portfolio`]: 'read',
  [`PATCH ${V}/orgs/{orgId}/portfolio/weights`]: 'rate',
  [`GET ${V}/orgs/{orgId}/plans`]: 'read',
  [`GET ${V}/orgs/{orgId}/plans/export/{format}`]: 'read',
  [`GET ${V}/orgs/{orgId}/benchmark/submissions`]: 'read',
  [`DELETE ${V}/orgs/{orgId}/benchmark/submissions/{modelVersion}`]: 'finalise',

  [`GET ${V}/assessments/{assessmentId}/grants`]: 'read',
  [`POST ${V}/assessments/{assessmentId}/grants`]: 'manage-members',
  [`DELETE ${V}/assessments/{assessmentId}/grants/{userId}`]: 'manage-members',
  [`GET ${V}/assessments/{id}`]: 'read',
  [`PATCH ${V}/assessments/{id}`]: 'rate',
  [`DELETE ${V}/assessments/{id}`]: 'finalise',
  [`POST ${V}/assessments/{id}/status`]: 'review',
  [`PATCH ${V}/assessments/{id}/answers`]: 'annotate',
  [`GET ${V}/assessments/{id}/score`]: 'read',
  [`GET ${V}/assessments/{id}/revisions`]: 'read',
  [`POST ${V}/assessments/{id}/revisions/{version}/restore`]: 'finalise',
  [`GET ${V}/assessments/{id}/export`]: 'read',
  [`POST ${V}/assessments/{id}/evidence`]: 'annotate',
  [`GET ${V}/assessments/{id}/evidence`]: 'read',
  [`GET ${V}/evidence/{evidenceId}/content`]: 'read',
  [`DELETE ${V}/evidence/{evidenceId}`]: 'annotate',
  [`GET ${V}/assessments/{id}/reports/{type}`]: 'read',
  [`GET ${V}/assessments/{id}/export/{format}`]: 'read',
  [`POST ${V}/assessments/{id}/import`]: 'rate',
  [`POST ${V}/assessments/{id}/next-cycle`]: 'rate',
  [`GET ${V}/assessments/{id}/cycle`]: 'read',
  [`PATCH ${V}/assessments/{id}/cycle`]: 'rate',
  [`GET ${V}/assessments/{id}/plans`]: 'read',
  [`POST ${V}/assessments/{id}/plans`]: 'annotate',
  [`PUT ${V}/assessments/{id}/plans/{planId}`]: 'annotate',
  [`DELETE ${V}/assessments/{id}/plans/{planId}`]: 'annotate',
  [`POST ${V}/assessments/{id}/plans/{planId}/tasks/{index}`]: 'annotate',
  [`POST ${V}/assessments/{id}/plans/{planId}/status`]: 'annotate',
  [`GET ${V}/assessments/{id}/plans/export/{format}`]: 'read',
  [`GET ${V}/assessments/{id}/roadmap`]: 'read',
  [`PUT ${V}/assessments/{id}/roadmap`]: 'annotate',
  [`GET ${V}/assessments/{a}/diff/{b}`]: 'read',
  [`POST ${V}/assessments/{id}/benchmark/preview`]: 'read',
  [`POST ${V}/assessments/{id}/benchmark/submission`]: 'finalise',
  [`GET ${V}/assessments/{id}/benchmark/compare`]: 'read',
  [`POST ${V}/assessments/{id}/scans`]: 'annotate',
  [`GET ${V}/assessments/{id}/scans`]: 'read',
  [`GET ${V}/assessments/{id}/scans/{scanId}`]: 'read',
  [`GET ${V}/assessments/{id}/suggestions`]: 'read',
  [`POST ${V}/assessments/{id}/suggestions/{suggestionId}/decision`]: 'rate',
  [`GET ${V}/assessments/{id}/log`]: 'read',
  [`GET ${V}/assessments/{id}/log/verify`]: 'read',
  [`GET ${V}/assessments/{id}/contacts`]: 'read',
  [`POST ${V}/assessments/{id}/contacts`]: 'annotate',
  [`PUT ${V}/assessments/{id}/contacts/{entryId}`]: 'annotate',
  [`DELETE ${V}/assessments/{id}/contacts/{entryId}`]: 'annotate',
  [`GET ${V}/assessments/{id}/artifacts`]: 'read',
  [`POST ${V}/assessments/{id}/artifacts`]: 'annotate',
  [`PUT ${V}/assessments/{id}/artifacts/{entryId}`]: 'annotate',
  [`DELETE ${V}/assessments/{id}/artifacts/{entryId}`]: 'annotate',
  [`GET ${V}/assessments/{id}/interviews`]: 'read',
  [`POST ${V}/assessments/{id}/interviews`]: 'annotate',
  [`PUT ${V}/assessments/{id}/interviews/{entryId}`]: 'annotate',
  [`DELETE ${V}/assessments/{id}/interviews/{entryId}`]: 'annotate',
  [`GET ${V}/assessments/{id}/requirements/{key}/onsite`]: 'read',
  [`POST ${V}/assessments/{id}/workshops`]: 'rate',
  [`GET ${V}/assessments/{id}/workshops`]: 'read',
  [`GET ${V}/assessments/{id}/workshops/{workshopId}`]: 'read',
  [`PUT ${V}/assessments/{id}/workshops/{workshopId}/current`]: 'rate',
  [`PUT ${V}/assessments/{id}/workshops/{workshopId}/votes`]: 'participant',
  [`POST ${V}/assessments/{id}/workshops/{workshopId}/agree`]: 'rate',
  [`POST ${V}/assessments/{id}/workshops/{workshopId}/close`]: 'rate',
  [`GET ${V}/assessments/{id}/workshops/{workshopId}/minutes`]: 'read',
  [`GET ${V}/assessments/{id}/profile`]: 'read',
  [`PUT ${V}/assessments/{id}/profile`]: 'finalise',
  [`GET ${V}/assessments/{id}/approvals`]: 'read',
  [`POST ${V}/assessments/{id}/approvals`]: 'participant',
  [`GET ${V}/assessments/{id}/corrections`]: 'read',
  [`POST ${V}/assessments/{id}/corrections`]: 'finalise',
  [`GET ${V}/assessments/{id}/participants`]: 'read',
  [`POST ${V}/assessments/{id}/participants`]: 'finalise',
  [`DELETE ${V}/assessments/{id}/participants/{userId}/{role}`]: 'finalise',
  [`POST ${V}/assessments/{id}/participants/me/statement`]: 'participant',
  [`GET ${V}/assessments/{id}/reviews`]: 'read',
  [`GET ${V}/assessments/{id}/reviews/{key}`]: 'read',
  [`PUT ${V}/assessments/{id}/reviews/{key}`]: 'participant',
  [`GET ${V}/assessments/{id}/questions`]: 'read',
  [`POST ${V}/assessments/{id}/questions`]: 'participant',
  [`POST ${V}/assessments/{id}/questions/{questionId}/answer`]: 'participant',
  [`GET ${V}/assessments/{id}/respondent-ratings/{key}`]: 'read',
  [`PUT ${V}/assessments/{id}/respondent-ratings/{key}/{userId}`]: 'participant',
  [`POST ${V}/assessments/{id}/consensus/{key}`]: 'rate',
  [`GET ${V}/assessments/{id}/crosswalks/{packId}`]: 'read',
  [`GET ${V}/assessments/{id}/audits`]: 'read',
  [`PUT ${V}/assessments/{id}/audits/{key}`]: 'annotate',
  [`DELETE ${V}/assessments/{id}/audits/{key}`]: 'annotate',
  [`POST ${V}/assessments/{id}/attestations`]: 'finalise',
  [`GET ${V}/assessments/{id}/attestations`]: 'read',
};

export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function splitRoute(route: string): { method: string; path: string } {
  const space = route.indexOf(' ');
  return { method: route.slice(0, space), path: route.slice(space + 1) };
}

/** Path parameters that name a tenant's object; everything else is a key, a format or a sub-id. */
export const TENANT_PARAMS = ['orgId', 'id', 'assessmentId', 'a', 'evidenceId', 'tokenId'] as const;

export function paramsOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** Tenant-scoped: the path names an organisation, an assessment, evidence or a token. */
export function isTenantRoute(route: string, need: Need): boolean {
  if (need === 'public' || need === 'self' || need === 'admin') return false;
  return paramsOf(splitRoute(route).path).some((p) => (TENANT_PARAMS as readonly string[]).includes(p));
}
