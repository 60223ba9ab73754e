import type { AssessmentType } from '../../core/assessment/assessment.types.js';
import { PkimmError } from '../../core/errors.js';
import { buildPayload, overallOf, type BenchmarkPayload } from '../../core/benchmark/payload.js';
import type { Profile } from '../../core/benchmark/profiles.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { recordAudit } from '../../persistence/repositories/audit.js';
import {
  deleteSubmission,
  listOwnSubmissions,
  LOCAL_POOL,
  upsertSubmission,
} from '../../persistence/repositories/benchmark.js';
import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../assessments/deps.js';
import { openAssessment, type OpenedAssessment } from '../assessments/open-assessment.js';
import { requireOrgCapability } from '../assessments/org-access.js';
import { hubList, hubSubmit, hubWithdraw } from './hub-pool.js';
import { orgHash } from './secret.js';

/** Opens a final assessment for its owner; the payload is only ever built from a final one. */
async function openFinal(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
): Promise<OpenedAssessment> {
  const opened = await openAssessment(deps, principal, id, 'finalise');
  if (opened.record.status !== 'final')
    throw new PkimmError(
      'CONFLICT',
      `assessment ${id} is ${opened.record.status}; only a final assessment can be benchmarked`,
    );
  return opened;
}

export function payloadOf(opened: OpenedAssessment, profile: Profile, at: Date): BenchmarkPayload {
  const type: AssessmentType = opened.assessment.type ?? 'self';
  return buildPayload(scoreAssessment(opened.model, opened.assessment), type, profile, at);
}

export async function previewSubmission(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  profile: Profile,
) {
  return { payload: payloadOf(await openFinal(deps, principal, id), profile, deps.now()) };
}

export async function submit(
  deps: ServiceDeps,
  principal: Principal | null,
  id: string,
  profile: Profile,
  ip: string,
) {
  const opened = await openFinal(deps, principal, id);
  const at = deps.now();
  const payload = payloadOf(opened, profile, at);
  const hash = await orgHash(deps, opened.record.orgId);
  const hub = deps.config.benchmark.hub;
  const replaced = hub
    ? await hubSubmit(hub, hash, payload)
    : await upsertSubmission(deps.database.db, {
        pool: LOCAL_POOL,
        orgHash: hash,
        modelVersion: payload.modelVersion,
        quarter: payload.quarter,
        profile: payload.profile,
        type: payload.type,
        levels: payload.levels,
        synthetic: false,
        submittedAt: at.toISOString(),
      });
  await recordAudit(deps.database.db, {
    orgId: opened.record.orgId,
    actorUserId: opened.principal.userId,
    event: 'benchmark.submit',
    detail: { assessmentId: id, modelVersion: payload.modelVersion, quarter: payload.quarter, replaced },
    ip,
    at,
  });
  return {
    submission: {
      modelVersion: payload.modelVersion,
      quarter: payload.quarter,
      profile: payload.profile,
      replaced,
    },
  };
}

export async function listSubmissions(deps: ServiceDeps, principal: Principal | null, orgId: string) {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const hash = await orgHash(deps, orgId);
  const hub = deps.config.benchmark.hub;
  const rows = hub ? await hubList(hub, hash) : await listOwnSubmissions(deps.database.db, LOCAL_POOL, hash);
  return {
    submissions: rows.map((row) => ({
      modelVersion: row.modelVersion,
      quarter: row.quarter,
      profile: row.profile,
      submittedAt: row.submittedAt,
    })),
  };
}

export async function withdraw(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  modelVersion: string,
  ip: string,
): Promise<void> {
  const user = await requireOrgCapability(deps, principal, orgId, 'finalise');
  const hash = await orgHash(deps, orgId);
  const hub = deps.config.benchmark.hub;
  const removed = hub
    ? await hubWithdraw(hub, hash, modelVersion)
    : await deleteSubmission(deps.database.db, LOCAL_POOL, hash, modelVersion);
  if (!removed)
    throw new PkimmError(
      'NOT_FOUND',
      `the organisation has no benchmark submission for model version ${modelVersion}`,
    );
  await recordAudit(deps.database.db, {
    orgId,
    actorUserId: user.userId,
    event: 'benchmark.withdraw',
    detail: { modelVersion },
    ip,
    at: deps.now(),
  });
}

export { overallOf };
