/**
 * Action plans: what an organisation intends to do about a category or requirement, with the
 * fields of the methodology's action-plan template (docs/assessment-format.md, "Action plans").
 */
export const PLAN_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanTask {
  label: string;
  done: boolean;
}

export interface ActionPlan {
  /** The category key (`G.strategy-and-vision`) or requirement key the plan addresses. */
  subject: string;
  title?: string;
  status: PlanStatus;
  /** The maturity level the plan aims for (1..5). */
  targetLevel?: number;
  objectives?: string[];
  responsible?: string;
  /** Calendar dates, `YYYY-MM-DD`; due is never before start. */
  schedule?: { start?: string; due?: string };
  resources?: string;
  dependencies?: string;
  outputs?: string[];
  tasks?: PlanTask[];
  comments?: string;
  /** Fields of an official plan pkimm has no place for (item ids, the POC id, unknown keys). */
  extra?: Record<string, unknown>;
}

/** Plans of one assessment by plan id. */
export type ActionPlans = Record<string, ActionPlan>;
