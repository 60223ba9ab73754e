/**
 * The Action plans sheet: one row per plan, under the category it belongs to (a requirement's
 * plan sits under its category), and an empty row ready to fill for every category without one.
 * Two hidden columns tie a row to its subject and plan. Reading it back, a filled row without
 * a plan id becomes a new plan, a plan row whose cells were all cleared is deleted, and every
 * problem is reported on its cell.
 */
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { setOwn } from '../../core/assessment/compact.js';
import { describeValue } from '../../core/assessment/rating.js';
import type { Issue } from '../../core/errors.js';
import { indexModel, levelName } from '../../core/model/model-index.js';
import type { Model } from '../../core/model/model.types.js';
import { normalisePlan } from '../../core/plans/plan-document.js';
import { actionPlanSchema, isIsoDate, PLAN_ID_PATTERN } from '../../core/plans/plan.schema.js';
import type { ActionPlan, PlanStatus } from '../../core/plans/plan.types.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { text } from './cell-values.js';
import { SHEETS } from './layout.js';
import {
  cellRef,
  type CellSpec,
  type CellValue,
  type ListValidation,
  type ReadSheet,
  type SheetSpec,
} from './spreadsheet-port.js';

/** Columns, 1-based; the editable plan fields start at `title`. */
export const PLAN_COL = {
  key: 1,
  planId: 2,
  subject: 3,
  current: 4,
  title: 5,
  targetLevel: 6,
  objectives: 7,
  responsible: 8,
  start: 9,
  due: 10,
  resources: 11,
  dependencies: 12,
  outputs: 13,
  tasks: 14,
  comments: 15,
  status: 16,
} as const;

const HEADERS: Record<keyof typeof PLAN_COL, string> = {
  key: 'Key',
  planId: 'Plan id',
  subject: 'Category',
  current: 'Current level',
  title: 'Title',
  targetLevel: 'Target level',
  objectives: 'Objectives',
  responsible: 'Responsible',
  start: 'Start',
  due: 'Due',
  resources: 'Resources',
  dependencies: 'Dependencies',
  outputs: 'Outputs',
  tasks: 'Tasks',
  comments: 'Comments',
  status: 'Status',
};

const STATUS_LABELS: Record<PlanStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

const FIELDS = Object.keys(PLAN_COL).slice(PLAN_COL.title - 1) as (keyof typeof PLAN_COL)[];

export function plansSheet(a: Assessment, model: Model): SheetSpec {
  const report = scoreAssessment(model, a);
  const index = indexModel(model);
  const targetLevel: ListValidation = {
    values: ['1', '2', '3', '4', '5'],
    title: 'Target level',
    prompt: 'The level this plan aims for.',
    error: 'Choose a level from 1 to 5.',
  };
  const status: ListValidation = {
    values: Object.values(STATUS_LABELS),
    title: 'Status',
    prompt: 'Planned, In progress, Done or Dropped.',
    error: 'Choose Planned, In progress, Done or Dropped.',
  };
  const plans = Object.entries(a.plans ?? {});
  const rows: (CellSpec | CellValue)[][] = [];
  for (const category of report.categories) {
    const current = category.level === null ? null : `${category.level} ${levelName(model, category.level)}`;
    const own = plans.filter(
      ([, plan]) =>
        plan.subject === category.key || index.categoryOfRequirement.get(plan.subject)?.key === category.key,
    );
    const row = (key: string, name: string, id: string | null, plan: ActionPlan | undefined) => [
      key,
      id,
      name,
      current,
      ...FIELDS.map((field) => {
        const value = plan ? cellOf(plan, field) : null;
        const validation = field === 'status' ? status : field === 'targetLevel' ? targetLevel : undefined;
        return validation ? { value, editable: true, validation } : { value, editable: true };
      }),
    ];
    if (own.length === 0) rows.push(row(category.key, category.name, null, undefined));
    for (const [id, plan] of own) {
      const requirement = index.requirementByKey.get(plan.subject);
      rows.push(
        row(plan.subject, requirement ? `${category.name}: ${requirement.name}` : category.name, id, plan),
      );
    }
  }
  return {
    name: SHEETS.actionPlans,
    protect: true,
    columns: (Object.keys(PLAN_COL) as (keyof typeof PLAN_COL)[]).map((field) => ({
      header: HEADERS[field],
      width:
        field === 'key' || field === 'planId' ? 10 : field === 'subject' ? 30 : field === 'current' ? 14 : 22,
      ...(field === 'key' || field === 'planId' ? { hidden: true } : {}),
      ...(PLAN_COL[field] >= PLAN_COL.title ? { wrap: true } : {}),
    })),
    rows,
  };
}

function cellOf(plan: ActionPlan, field: keyof typeof PLAN_COL): CellValue {
  switch (field) {
    case 'title':
      return plan.title ?? null;
    case 'targetLevel':
      return plan.targetLevel === undefined ? null : String(plan.targetLevel);
    case 'objectives':
      return plan.objectives?.join('\n') ?? null;
    case 'outputs':
      return plan.outputs?.join('\n') ?? null;
    case 'tasks':
      return plan.tasks?.map((task) => `${task.done ? '[x]' : '[ ]'} ${task.label}`).join('\n') ?? null;
    case 'start':
      return plan.schedule?.start ?? null;
    case 'due':
      return plan.schedule?.due ?? null;
    case 'status':
      return STATUS_LABELS[plan.status];
    case 'responsible':
    case 'resources':
    case 'dependencies':
    case 'comments':
      return plan[field] ?? null;
    default:
      return null;
  }
}

/** Applies the sheet's rows to the plans of `a`; a sheet of another layout (older pkimm) is left alone. */
export function applyPlansSheet(
  a: Assessment,
  sheet: ReadSheet | undefined,
  model: Model,
  issues: Issue[],
): void {
  if (
    !sheet ||
    sheet.cell(1, PLAN_COL.planId) !== HEADERS.planId ||
    sheet.cell(1, PLAN_COL.status) !== HEADERS.status
  )
    return;
  const index = indexModel(model);
  const plans: Record<string, ActionPlan> = { ...(a.plans ?? {}) };
  const seen = new Set<string>();
  for (let row = 2; row <= sheet.rowCount; row += 1) {
    const key = text(sheet.cell(row, PLAN_COL.key));
    if (key === undefined) continue;
    const ref = (column: number) => cellRef(SHEETS.actionPlans, row, column);
    if (!index.categoryByKey.has(key) && !index.requirementByKey.has(key)) {
      issues.push({
        path: ref(PLAN_COL.key),
        message: `no category or requirement "${key}"; the hidden key column must not be edited`,
      });
      continue;
    }
    const given = text(sheet.cell(row, PLAN_COL.planId));
    const filled = FIELDS.some((field) => text(sheet.cell(row, PLAN_COL[field])) !== undefined);
    if (given !== undefined && (seen.has(given) || !PLAN_ID_PATTERN.test(given))) {
      issues.push({
        path: ref(PLAN_COL.planId),
        message: `the plan id "${given}" is repeated or malformed; the hidden plan id column must not be edited`,
      });
      continue;
    }
    if (!filled) {
      if (given !== undefined) delete plans[given];
      continue;
    }
    const id = given ?? freeId(plans, key);
    seen.add(id);
    const read = readRow(sheet, row, key, Object.hasOwn(plans, id) ? plans[id] : undefined, ref, issues);
    if (!read) continue;
    const parsed = actionPlanSchema.safeParse(read);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, sub] = issue.path.map(String);
        const column =
          field === 'schedule'
            ? sub === 'start'
              ? PLAN_COL.start
              : PLAN_COL.due
            : (PLAN_COL[field as keyof typeof PLAN_COL] ?? PLAN_COL.title);
        issues.push({ path: ref(column), message: `${issue.path.join('.')}: ${issue.message}` });
      }
      continue;
    }
    setOwn(plans, id, normalisePlan(parsed.data));
  }
  if (Object.keys(plans).length > 0) a.plans = plans;
  else delete a.plans;
}

function readRow(
  sheet: ReadSheet,
  row: number,
  subject: string,
  base: ActionPlan | undefined,
  ref: (column: number) => string,
  issues: Issue[],
): Record<string, unknown> | undefined {
  const cell = (field: keyof typeof PLAN_COL) => text(sheet.cell(row, PLAN_COL[field]));
  const lines = (field: keyof typeof PLAN_COL) =>
    cell(field)
      ?.split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
  let ok = true;
  const problem = (field: keyof typeof PLAN_COL, message: string) => {
    issues.push({ path: ref(PLAN_COL[field]), message });
    ok = false;
  };
  const statusText = cell('status');
  const status = statusText === undefined ? 'planned' : statusOf(statusText);
  if (!status)
    problem(
      'status',
      `the status must be Planned, In progress, Done or Dropped (got ${describeValue(statusText)})`,
    );
  const levelText = cell('targetLevel');
  const level = levelText === undefined ? undefined : /^([1-5])(\s.*)?$/.exec(levelText.trim())?.[1];
  if (levelText !== undefined && level === undefined)
    problem('targetLevel', `the target level must be 1 to 5 (got ${describeValue(levelText)})`);
  const date = (field: 'start' | 'due') => {
    const value = dateOf(sheet.cell(row, PLAN_COL[field]));
    if (value !== undefined && !isIsoDate(value))
      problem(field, `the ${field} date must be a calendar date YYYY-MM-DD (got ${describeValue(value)})`);
    return value;
  };
  const start = date('start');
  const due = date('due');
  const tasks = lines('tasks')?.map((line) => {
    const match = /^\[( |x|X)?\]\s*(.*)$/.exec(line);
    return match
      ? { label: match[2] ?? '', done: (match[1] ?? ' ').toLowerCase() === 'x' }
      : { label: line, done: false };
  });
  if (!ok) return undefined;
  const optional = (value: unknown) => (value === undefined ? {} : value);
  return {
    subject,
    ...optional(cell('title') && { title: cell('title') }),
    status,
    ...(level ? { targetLevel: Number(level) } : {}),
    ...optional(lines('objectives') && { objectives: lines('objectives') }),
    ...optional(cell('responsible') && { responsible: cell('responsible') }),
    ...(start || due ? { schedule: { ...(start ? { start } : {}), ...(due ? { due } : {}) } } : {}),
    ...optional(cell('resources') && { resources: cell('resources') }),
    ...optional(cell('dependencies') && { dependencies: cell('dependencies') }),
    ...optional(lines('outputs') && { outputs: lines('outputs') }),
    ...(tasks ? { tasks } : {}),
    ...optional(cell('comments') && { comments: cell('comments') }),
    ...(base?.extra ? { extra: base.extra } : {}),
  };
}

function statusOf(value: string): PlanStatus | undefined {
  const wanted = value.trim().toLowerCase();
  for (const [id, label] of Object.entries(STATUS_LABELS) as [PlanStatus, string][])
    if (wanted === id || wanted === label.toLowerCase()) return id;
  return wanted === 'not started' ? 'planned' : undefined;
}

const EXCEL_LAST_DAY = 2_958_465;

/** A date cell as `YYYY-MM-DD`: text as typed, or a spreadsheet day number (days since 1899-12-30). */
function dateOf(value: CellValue): string | undefined {
  // Beyond Excel's last day (9999-12-31) a number is no date; as text it is refused with its value.
  if (typeof value === 'number' && Math.abs(value) <= EXCEL_LAST_DAY) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  return text(value)?.trim();
}

function freeId(plans: Record<string, ActionPlan>, key: string): string {
  if (!Object.hasOwn(plans, key)) return key;
  for (let n = 2; ; n += 1) if (!Object.hasOwn(plans, `${key}-${n}`)) return `${key}-${n}`;
}
