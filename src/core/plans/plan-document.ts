/**
 * Plans between our file format and memory: reading drops undefined fields (zod keeps them
 * as optional keys), writing puts each plan's fields in the documented order.
 */
import { setOwn } from '../assessment/compact.js';
import type { ActionPlan, ActionPlans, PlanStatus } from './plan.types.js';

type PlanInput = {
  subject: string;
  status: PlanStatus;
  title?: string | undefined;
  targetLevel?: number | undefined;
  objectives?: string[] | undefined;
  responsible?: string | undefined;
  schedule?: { start?: string | undefined; due?: string | undefined } | undefined;
  resources?: string | undefined;
  dependencies?: string | undefined;
  outputs?: string[] | undefined;
  tasks?: { label: string; done: boolean }[] | undefined;
  comments?: string | undefined;
  extra?: Record<string, unknown> | undefined;
};

const ORDER = [
  'subject',
  'title',
  'status',
  'targetLevel',
  'objectives',
  'responsible',
  'schedule',
  'resources',
  'dependencies',
  'outputs',
  'tasks',
  'comments',
  'extra',
] as const;

/** One plan with its fields in the documented order and without undefined or empty parts. */
export function normalisePlan(input: PlanInput): ActionPlan {
  const out: Record<string, unknown> = {};
  for (const field of ORDER) {
    let value: unknown = input[field];
    if (field === 'schedule' && input.schedule) {
      const { start, due } = input.schedule;
      value =
        start === undefined && due === undefined
          ? undefined
          : { ...(start ? { start } : {}), ...(due ? { due } : {}) };
    }
    if (field === 'tasks' && input.tasks) value = input.tasks.map(({ label, done }) => ({ label, done }));
    if (field === 'extra' && input.extra && Object.keys(input.extra).length === 0) value = undefined;
    if (value !== undefined) out[field] = value;
  }
  return out as unknown as ActionPlan;
}

export function normalisePlans(input: Record<string, PlanInput> | undefined): ActionPlans | undefined {
  if (!input || Object.keys(input).length === 0) return undefined;
  const out: ActionPlans = {};
  for (const [id, plan] of Object.entries(input)) setOwn(out, id, normalisePlan(plan));
  return out;
}
