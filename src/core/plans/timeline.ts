import type { Assessment } from '../assessment/assessment.types.js';
import { indexModel } from '../model/model-index.js';
import type { Model } from '../model/model.types.js';
import { isOverdue, planIdsByDue } from './plan-helpers.js';
import type { ActionPlan } from './plan.types.js';

/** One plan as the timeline, the CSV and the calendar show it, with where it belongs. */
export interface PlanEntry {
  assessmentId: string;
  assessmentTitle: string;
  planId: string;
  /** The subject's name in the model (category or requirement), else the key. */
  subjectName: string;
  plan: ActionPlan;
  overdue: boolean;
}

export interface AssessmentPlans {
  assessmentId: string;
  assessment: Assessment;
  model: Model;
}

/** The plans of one or more assessments in due-date order; `today` (`YYYY-MM-DD`) decides what is overdue. */
export function planEntries(sources: readonly AssessmentPlans[], today: string): PlanEntry[] {
  const entries: PlanEntry[] = [];
  for (const { assessmentId, assessment, model } of sources) {
    const plans = assessment.plans ?? {};
    const index = indexModel(model);
    for (const planId of planIdsByDue(plans)) {
      const plan = plans[planId];
      if (!plan) continue;
      const subjectName =
        index.categoryByKey.get(plan.subject)?.name ??
        index.requirementByKey.get(plan.subject)?.name ??
        plan.subject;
      entries.push({
        assessmentId,
        assessmentTitle: assessment.title,
        planId,
        subjectName,
        plan,
        overdue: isOverdue(plan, today),
      });
    }
  }
  return entries.sort(byDue);
}

function byDue(a: PlanEntry, b: PlanEntry): number {
  const da = a.plan.schedule?.due ?? '\uffff';
  const db = b.plan.schedule?.due ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  const ka = `${a.assessmentId}\u0000${a.planId}`;
  const kb = `${b.assessmentId}\u0000${b.planId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** What a plan is called in lists: its title, else the subject's name. */
export function planHeading(entry: Pick<PlanEntry, 'plan' | 'subjectName'>): string {
  return entry.plan.title?.trim() ? entry.plan.title : entry.subjectName;
}
