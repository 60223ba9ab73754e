import type { ActionPlan, ActionPlans } from './plan.types.js';

/** A plan is overdue when its due day has passed (`today` is `YYYY-MM-DD`) and it is still open. */
export function isOverdue(plan: ActionPlan, today: string): boolean {
  const due = plan.schedule?.due;
  return due !== undefined && due < today && (plan.status === 'planned' || plan.status === 'in-progress');
}

/** `done of total` tasks. */
export function taskProgress(plan: ActionPlan): { done: number; total: number } {
  const tasks = plan.tasks ?? [];
  return { done: tasks.filter((task) => task.done).length, total: tasks.length };
}

/** Plan ids in timeline order: by due date (plans without one last), then by id. */
export function planIdsByDue(plans: ActionPlans): string[] {
  return Object.keys(plans).sort((a, b) => {
    const da = plans[a]?.schedule?.due ?? '\uffff';
    const db = plans[b]?.schedule?.due ?? '\uffff';
    return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The UTC calendar day of an instant, for comparing with due dates. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Plans with their subjects moved to other keys (model migration). A requirement without a
 * successor hands its plan to its category's successor, so no plan is lost.
 */
export function remapPlanSubjects(plans: ActionPlans, to: (key: string) => string | undefined): ActionPlans {
  const out: ActionPlans = {};
  for (const [id, plan] of Object.entries(plans)) {
    const category = plan.subject.split('.').slice(0, 2).join('.');
    const subject = to(plan.subject) ?? to(category) ?? plan.subject;
    Object.defineProperty(out, id, {
      value: { ...plan, subject },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
