import { randomUUID } from 'node:crypto';
import type { Assessment } from '../../../core/assessment/assessment.types.js';
import { setOwn } from '../../../core/assessment/compact.js';
import { zodIssuesToPathIssues } from '../../../core/assessment/zod-issues.js';
import { PkimmError } from '../../../core/errors.js';
import { normalisePlan } from '../../../core/plans/plan-document.js';
import { actionPlanSchema, PLAN_ID_PATTERN, PLAN_ID_PROBLEM } from '../../../core/plans/plan.schema.js';
import type { ActionPlan, PlanStatus } from '../../../core/plans/plan.types.js';
import { validatePlansAgainstModel } from '../../../core/plans/validate-plans.js';
import type { Principal } from '../../auth/principal.js';
import { commitAndReply } from '../commit-change.js';
import type { ServiceDeps } from '../deps.js';
import { runIdempotent, type IdempotencyRequest, type ServiceResponse } from '../idempotency.js';
import { documentOf } from '../loaded-assessment.js';
import { assertNoIssues } from '../model-issues.js';
import { openForWrite } from '../open-assessment.js';

/** What a plan write answers: the plan after the change (null once deleted) and the new version. */
export interface PlanReply {
  id: string;
  plan: ActionPlan | null;
  version: number;
}

export type PlanChange =
  | { kind: 'create'; plan: unknown; id?: string | undefined }
  | { kind: 'replace'; id: string; plan: unknown }
  | { kind: 'delete'; id: string }
  | { kind: 'task'; id: string; index: number; done: boolean }
  | { kind: 'status'; id: string; status: PlanStatus };

export interface ChangePlanInput {
  assessmentId: string;
  expectedVersion: number;
  change: PlanChange;
  idempotency?: IdempotencyRequest | undefined;
}

/**
 * Every plan write: one revision (kind `plan-<change>`, holding the plan before and after at
 * `plans.<id>`, so undo and restore work), with If-Match and idempotency as for answers.
 * Plans are annotations: contributors may write them ('annotate'), viewers may not.
 */
export async function changePlan(
  deps: ServiceDeps,
  principal: Principal | null,
  input: ChangePlanInput,
): Promise<ServiceResponse<PlanReply>> {
  return runIdempotent(deps, input.idempotency, async (keep) => {
    const opened = await openForWrite(deps, principal, input.assessmentId, 'annotate', input.expectedVersion);
    const { assessment, model, record } = opened;
    const plans = assessment.plans ?? {};
    const { id, plan } = applyPlanChange(plans, input.change);
    const nextPlans: Record<string, ActionPlan> = {};
    for (const [key, value] of Object.entries(plans)) if (key !== id) setOwn(nextPlans, key, value);
    if (plan) setOwn(nextPlans, id, plan);
    if (plan)
      assertNoIssues(validatePlansAgainstModel({ [id]: plan }, model), 'the plan does not fit the model');
    const { plans: _old, ...rest } = assessment;
    const next: Assessment = Object.keys(nextPlans).length > 0 ? { ...rest, plans: nextPlans } : rest;
    const after = documentOf(next, model);
    const at = deps.now().toISOString();
    const version = input.expectedVersion + 1;
    return commitAndReply(
      deps,
      keep,
      { id, plan, version },
      {
        assessmentId: record.id,
        expectedVersion: input.expectedVersion,
        actor: opened.principal.userId,
        at,
        kind: `plan-${input.change.kind}`,
        change: { path: ['plans', id], before: plans[id] ?? null, after: plan },
        nextDocument: after,
      },
    );
  });
}

/** The plan id a change touches and the plan after it (null: deleted). */
function applyPlanChange(
  plans: Record<string, ActionPlan>,
  change: PlanChange,
): { id: string; plan: ActionPlan | null } {
  if (change.kind === 'create') {
    const id = change.id ?? randomUUID();
    if (!PLAN_ID_PATTERN.test(id)) invalid([{ path: 'id', message: PLAN_ID_PROBLEM }]);
    if (Object.hasOwn(plans, id)) throw new PkimmError('CONFLICT', `a plan ${id} exists already`);
    return { id, plan: checked(change.plan) };
  }
  const existing = Object.hasOwn(plans, change.id) ? plans[change.id] : undefined;
  if (!existing) throw new PkimmError('NOT_FOUND', `no plan ${change.id} in this assessment`);
  switch (change.kind) {
    case 'replace':
      return { id: change.id, plan: checked(change.plan) };
    case 'delete':
      return { id: change.id, plan: null };
    case 'status':
      return { id: change.id, plan: { ...existing, status: change.status } };
    case 'task': {
      const tasks = existing.tasks ?? [];
      const task = tasks[change.index];
      if (!task)
        invalid([
          {
            path: `tasks.${change.index}`,
            message: `the plan has ${tasks.length} task${tasks.length === 1 ? '' : 's'}; there is no task ${change.index}`,
          },
        ]);
      const next = tasks.map((t, i) => (i === change.index ? { ...t, done: change.done } : t));
      return { id: change.id, plan: { ...existing, tasks: next } };
    }
  }
}

/** The plan body checked against the plan schema: unknown keys, dates, due ≥ start. */
function checked(body: unknown): ActionPlan {
  const parsed = actionPlanSchema.safeParse(body);
  if (!parsed.success)
    invalid(
      zodIssuesToPathIssues(parsed.error.issues, body).map((issue) => ({
        path: ['body', ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  return normalisePlan(parsed.data);
}

function invalid(issues: { path: string; message: string }[]): never {
  throw new PkimmError('VALIDATION_FAILED', 'the plan is invalid', { issues });
}
