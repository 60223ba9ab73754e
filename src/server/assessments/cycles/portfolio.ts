import { rollUp, type PortfolioRollUp } from '../../../core/portfolio/roll-up.js';
import { scoreAssessment } from '../../../core/scoring/score-assessment.js';
import type { AssessmentStatus } from '../../../persistence/repositories/assessments/assessment-record.js';
import { recordAudit } from '../../../persistence/repositories/audit.js';
import { listScopeWeights, saveScopeWeights } from '../../../persistence/repositories/cycles.js';
import type { Principal } from '../../auth/principal.js';
import type { ServiceDeps } from '../deps.js';
import { requireOrgCapability } from '../org-access.js';
import { reminderOf, type ReminderView } from './cycle-info.js';
import { loadOrgCycles, type CycledAssessment } from './org-cycles.js';

export interface PortfolioScope {
  scopeKey: string;
  weight: number;
  /** The assessment that stands for the scope: its latest final one, or its latest one if none is final. */
  assessment: { id: string; title: string; status: AssessmentStatus; at: string; overall: number | null };
  /** How many assessments the scope has, and how many of them are final. */
  assessments: number;
  finals: number;
  reminder: ReminderView | null;
}

export interface Portfolio extends PortfolioRollUp {
  scopes: PortfolioScope[];
}

/** The organisation's scopes rolled up, weighted by each scope's weight (1 unless set). */
export async function portfolio(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
): Promise<Portfolio> {
  await requireOrgCapability(deps, principal, orgId, 'read');
  const [all, weights] = await Promise.all([
    loadOrgCycles(deps, orgId),
    listScopeWeights(deps.database.db, orgId),
  ]);
  const byScope = new Map<string, CycledAssessment[]>();
  for (const a of all) byScope.set(a.cycle.scopeKey, [...(byScope.get(a.cycle.scopeKey) ?? []), a]);
  const scopes: PortfolioScope[] = [];
  const inputs = [];
  for (const [scopeKey, list] of [...byScope].sort(([a], [b]) => a.localeCompare(b))) {
    // The list is oldest first, so the last match is the latest.
    const finals = list.filter((a) => a.record.status === 'final');
    const chosen = (finals.length > 0 ? finals : list).at(-1) as CycledAssessment;
    const score = scoreAssessment(chosen.model, chosen.assessment);
    const weight = weights.get(scopeKey) ?? 1;
    inputs.push({ scopeKey, weight, assessmentId: chosen.record.id, score });
    scopes.push({
      scopeKey,
      weight,
      assessment: {
        id: chosen.record.id,
        title: chosen.assessment.title,
        status: chosen.record.status,
        at: chosen.at,
        overall: score.overall.raw,
      },
      assessments: list.length,
      finals: finals.length,
      reminder: finals.length > 0 ? reminderOf(deps, chosen, chosen.cycle) : null,
    });
  }
  return { scopes, ...rollUp(inputs) };
}

/** Sets scope weights (owners: they decide what matters most in the organisation). */
export async function setScopeWeights(
  deps: ServiceDeps,
  principal: Principal | null,
  orgId: string,
  weights: Record<string, number>,
): Promise<Portfolio> {
  const user = await requireOrgCapability(deps, principal, orgId, 'manage-members');
  const at = deps.now();
  await saveScopeWeights(deps.database.db, orgId, weights, at.toISOString());
  await recordAudit(deps.database.db, {
    orgId,
    actorUserId: user.userId,
    event: 'portfolio.weights',
    detail: { weights },
    at,
  });
  return portfolio(deps, principal, orgId);
}
