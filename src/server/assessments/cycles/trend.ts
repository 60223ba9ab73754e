import { trendSeries, type TrendSeries } from '../../../core/cycles/trend.js';
import { scoreAssessment } from '../../../core/scoring/score-assessment.js';
import { DEFAULT_SCOPE } from '../../../persistence/repositories/cycles.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { requireOrgCapability } from '../org-access.js';
import { loadOrgCycles } from './org-cycles.js';

/** Every category's and the overall raw level over the final assessments of one scope, oldest first. */
export async function scopeTrend(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  scopeKey: string = DEFAULT_SCOPE,
): Promise<{ scopeKey: string } & TrendSeries> {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const all = await loadOrgCycles(deps, orgId);
  const finals = all.filter((a) => a.record.status === 'final' && a.cycle.scopeKey === scopeKey);
  return {
    scopeKey,
    ...trendSeries(
      finals.map((a) => ({
        assessmentId: a.record.id,
        title: a.assessment.title,
        at: a.at,
        score: scoreAssessment(a.model, a.assessment),
      })),
    ),
  };
}
