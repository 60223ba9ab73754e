import { stringify } from 'csv-stringify/sync';
import { planHeading, type PlanEntry } from '../../core/plans/timeline.js';
import { taskProgress } from '../../core/plans/plan-helpers.js';
import { formulaSafe } from '../csv/formula-safe.js';

export const PLANS_CSV_HEADER = [
  'assessment_id',
  'assessment',
  'plan_id',
  'subject',
  'subject_name',
  'title',
  'status',
  'target_level',
  'responsible',
  'start',
  'due',
  'overdue',
  'objectives',
  'outputs',
  'tasks',
  'tasks_done',
  'tasks_total',
  'resources',
  'dependencies',
  'comments',
] as const;

/**
 * One row per plan in timeline order. Lists go into one cell, one item a line; a task line
 * starts with `[x]` or `[ ]`. Every text cell goes through formulaSafe, and the byte-order
 * mark makes Excel read the file as UTF-8.
 */
export function plansCsv(entries: readonly PlanEntry[]): string {
  const rows = entries.map(({ assessmentId, assessmentTitle, planId, subjectName, plan, overdue }) => {
    const progress = taskProgress(plan);
    return [
      assessmentId,
      assessmentTitle,
      planId,
      plan.subject,
      subjectName,
      planHeading({ plan, subjectName }),
      plan.status,
      plan.targetLevel ?? '',
      plan.responsible,
      plan.schedule?.start,
      plan.schedule?.due,
      overdue ? 'true' : 'false',
      (plan.objectives ?? []).join('\n'),
      (plan.outputs ?? []).join('\n'),
      (plan.tasks ?? []).map((task) => `${task.done ? '[x]' : '[ ]'} ${task.label}`).join('\n'),
      progress.done,
      progress.total,
      plan.resources,
      plan.dependencies,
      plan.comments,
    ].map(formulaSafe);
  });
  return '\ufeff' + stringify([[...PLANS_CSV_HEADER], ...rows], { record_delimiter: '\r\n' });
}
