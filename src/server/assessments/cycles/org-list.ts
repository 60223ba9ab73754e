import type { AssessmentStatus } from '../../../persistence/repositories/assessments/assessment-record.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { requireOrgCapability } from '../org-access.js';
import { reminderOf, type ReminderView } from './cycle-info.js';
import { loadOrgCycles } from './org-cycles.js';

export interface OrgCycleEntry {
  assessmentId: string;
  title: string;
  status: AssessmentStatus;
  modelVersion: string;
  scopeKey: string;
  sharedSourceId: string | null;
  baselineId: string | null;
  reminder: ReminderView | null;
  /** True for a final assessment no later cycle of the same scope has been started from. */
  isLatestFinal: boolean;
}

/** Every assessment of the organisation with its scope and reminder, oldest first. */
export async function orgCycles(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
): Promise<OrgCycleEntry[]> {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const all = await loadOrgCycles(deps, orgId);
  const latestFinal = new Map<string, string>();
  for (const a of all) if (a.record.status === 'final') latestFinal.set(a.cycle.scopeKey, a.record.id);
  return all.map((a) => ({
    assessmentId: a.record.id,
    title: a.assessment.title,
    status: a.record.status,
    modelVersion: a.record.modelVersion,
    scopeKey: a.cycle.scopeKey,
    sharedSourceId: a.cycle.sharedSourceId,
    baselineId: a.cycle.baselineId,
    reminder: reminderOf(deps, a, a.cycle),
    isLatestFinal: latestFinal.get(a.cycle.scopeKey) === a.record.id,
  }));
}
