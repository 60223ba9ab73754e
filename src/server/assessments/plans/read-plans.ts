import { isoDay } from '../../../core/plans/plan-helpers.js';
import { planEntries, type PlanEntry } from '../../../core/plans/timeline.js';
import { fileSlug } from '../../../exchange/export-formats.js';
import { exportPlans, type PlanExportFormat } from '../../../exchange/plans/export-plans.js';
import { listAssessments } from '../../../persistence/repositories/assessments/assessments.js';
import { recordAudit } from '../../../persistence/repositories/audit.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { loadAssessment } from '../loaded-assessment.js';
import { openAssessment } from '../open-assessment.js';
import { requireOrgCapability } from '../org-access.js';

export interface PlanList {
  /** The server's calendar day (UTC) against which `overdue` was decided. */
  today: string;
  /** The assessment's version, for If-Match on the next write (per-assessment lists only). */
  version?: number;
  plans: PlanEntry[];
}

/** The plans of one assessment, in due-date order. */
export async function assessmentPlans(deps: ServiceDeps, principal: Principal | null, id: string) {
  const { record, assessment, model } = await openAssessment(deps, principal, id, 'read');
  const today = isoDay(deps.now());
  return {
    list: {
      today,
      version: record.version,
      plans: planEntries([{ assessmentId: record.id, assessment, model }], today),
    },
    title: assessment.title,
    orgId: record.orgId,
  };
}

/** Every plan of the organisation's assessments: the timeline. */
export async function organisationPlans(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
): Promise<PlanList> {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const records = await listAssessments(deps.database.db, orgId);
  const sources = await Promise.all(
    records.map(async (record) => {
      const { assessment, model } = await loadAssessment(deps, record);
      return { assessmentId: record.id, assessment, model };
    }),
  );
  const today = isoDay(deps.now());
  return { today, plans: planEntries(sources, today) };
}

export interface PlanFile {
  body: string;
  contentType: string;
  fileName: string;
}

/** Plans of an assessment (`scope.assessmentId`) or an organisation as CSV or iCalendar; an audited export. */
export async function exportPlanFile(
  deps: ServiceDeps,
  principal: Principal | null,
  scope: { assessmentId: string } | { orgId: string },
  format: PlanExportFormat,
  ip: string,
): Promise<PlanFile> {
  let entries: PlanEntry[];
  let name: string;
  let orgId: string;
  let assessmentId: string | null = null;
  if ('assessmentId' in scope) {
    const read = await assessmentPlans(deps, principal, scope.assessmentId);
    entries = read.list.plans;
    name = read.title;
    orgId = read.orgId;
    assessmentId = scope.assessmentId;
  } else {
    entries = (await organisationPlans(deps, principal, scope.orgId)).plans;
    name = 'action-plans';
    orgId = scope.orgId;
  }
  const file = exportPlans(entries, format, { stamp: deps.now(), name });
  await recordAudit(deps.database.db, {
    orgId,
    actorUserId: principal?.userId ?? null,
    event: 'plans.exported',
    detail: { assessmentId, format },
    ip,
    at: deps.now(),
  });
  return { body: file.body, contentType: file.contentType, fileName: `${fileSlug(name)}${file.suffix}` };
}
