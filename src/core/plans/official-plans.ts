/**
 * The official app's `actionPlans.categories[catKey]` (official-tool.md §3.6) to and from our
 * plans. Reading is lenient, as the app's plans were never validated: an entry this mapping
 * cannot represent exactly is still read as far as it can be, and the official reader keeps
 * the whole `actionPlans` value verbatim whenever writing the plans back would not reproduce it.
 */
import { isPlainObject, setOwn } from '../assessment/compact.js';
import type { ActionPlan, ActionPlans } from './plan.types.js';
import { isIsoDate } from './plan.schema.js';

const KNOWN = new Set([
  'targetLevel',
  'objectives',
  'outputs',
  'tasks',
  'responsibility',
  'responsiblePocId',
  'resources',
  'targetDate',
  'comments',
]);

/** Plans from an official `actionPlans` value, one per category the model knows, with the category key as id. */
export function plansFromOfficial(value: unknown, isCategory: (key: string) => boolean): ActionPlans {
  const plans: ActionPlans = {};
  const categories = isPlainObject(value) ? value['categories'] : undefined;
  if (!isPlainObject(categories)) return plans;
  for (const [key, raw] of Object.entries(categories)) {
    if (!isCategory(key) || !isPlainObject(raw)) continue;
    setOwn(plans, key, planFromOfficial(key, raw));
  }
  return plans;
}

function planFromOfficial(key: string, raw: Record<string, unknown>): ActionPlan {
  const plan: ActionPlan = { subject: key, status: 'planned' };
  const extra: Record<string, unknown> = {};
  const level = raw['targetLevel'];
  if (typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 5)
    plan.targetLevel = level;
  else if (level !== undefined) extra['targetLevel'] = level;
  for (const [field, prefix] of [
    ['objectives', 'obj'],
    ['outputs', 'out'],
  ] as const) {
    const items = textItems(raw[field]);
    if (!items) {
      if (raw[field] !== undefined) extra[field] = raw[field];
      continue;
    }
    plan[field] = items.map((item) => item.text);
    const ids = items.map((item) => item.id);
    if (!ids.every((id, i) => id === `${prefix}-${i}`)) extra[`${field}Ids`] = ids;
  }
  const tasks = taskItems(raw['tasks']);
  if (tasks) {
    plan.tasks = tasks.map(({ label, done }) => ({ label, done }));
    const ids = tasks.map((task) => task.itemId);
    if (!ids.every((id, i) => id === `task-${i}`)) extra['tasksIds'] = ids;
  } else if (raw['tasks'] !== undefined) extra['tasks'] = raw['tasks'];
  const text = (field: string) => (typeof raw[field] === 'string' ? raw[field] : undefined);
  const responsible = text('responsibility');
  if (responsible !== undefined) plan.responsible = responsible;
  else if (raw['responsibility'] !== undefined) extra['responsibility'] = raw['responsibility'];
  const due = text('targetDate');
  if (due !== undefined && isIsoDate(due)) plan.schedule = { due };
  else if (raw['targetDate'] !== undefined) extra['targetDate'] = raw['targetDate'];
  for (const [field, ours] of [
    ['resources', 'resources'],
    ['comments', 'comments'],
  ] as const) {
    const value = text(field);
    if (value !== undefined) plan[ours] = value;
    else if (raw[field] !== undefined) extra[field] = raw[field];
  }
  if (raw['responsiblePocId'] !== undefined) extra['responsiblePocId'] = raw['responsiblePocId'];
  for (const [field, value] of Object.entries(raw)) if (!KNOWN.has(field)) setOwn(extra, field, value);
  if (Object.keys(extra).length > 0) plan.extra = extra;
  return plan;
}

/** The official `actionPlans` value for our plans: the first plan of each category; undefined when none. */
export function plansToOfficial(plans: ActionPlans | undefined, isCategory: (key: string) => boolean) {
  const categories: Record<string, unknown> = {};
  for (const plan of Object.values(plans ?? {})) {
    if (!isCategory(plan.subject) || Object.prototype.hasOwnProperty.call(categories, plan.subject)) continue;
    setOwn(categories, plan.subject, planToOfficial(plan));
  }
  return Object.keys(categories).length > 0 ? { categories } : undefined;
}

function planToOfficial(plan: ActionPlan): Record<string, unknown> {
  const extra = plan.extra ?? {};
  const ids = (field: string, prefix: string, count: number): string[] => {
    const stored = extra[`${field}Ids`];
    const list: unknown[] = (Array.isArray(stored) ? stored : []).slice(0, count);
    // New items get the next free `<prefix>-<n>`, never an id a kept item already has.
    const used = new Set(list.filter((id) => typeof id === 'string'));
    let next = 0;
    return Array.from({ length: count }, (_, i) => {
      const kept = list[i];
      if (typeof kept === 'string') return kept;
      while (used.has(`${prefix}-${next}`)) next += 1;
      used.add(`${prefix}-${next}`);
      return `${prefix}-${next}`;
    });
  };
  const out: Record<string, unknown> = {};
  const put = (field: string, ours: unknown) => {
    const value = ours ?? extra[field];
    if (value !== undefined) setOwn(out, field, value);
  };
  put('targetLevel', plan.targetLevel);
  const objectives = plan.objectives ?? [];
  const objectiveIds = ids('objectives', 'obj', objectives.length);
  put('objectives', plan.objectives && objectives.map((text, i) => ({ id: objectiveIds[i], text })));
  const outputs = plan.outputs ?? [];
  const outputIds = ids('outputs', 'out', outputs.length);
  put('outputs', plan.outputs && outputs.map((text, i) => ({ id: outputIds[i], text })));
  const tasks = plan.tasks ?? [];
  const taskIds = ids('tasks', 'task', tasks.length);
  put(
    'tasks',
    plan.tasks && tasks.map((task, i) => ({ itemId: taskIds[i], label: task.label, done: task.done })),
  );
  put('responsibility', plan.responsible);
  put('responsiblePocId', undefined);
  put('resources', plan.resources);
  put('targetDate', plan.schedule?.due);
  put('comments', plan.comments);
  const derived = new Set([...KNOWN, 'objectivesIds', 'outputsIds', 'tasksIds']);
  for (const [field, value] of Object.entries(extra)) if (!derived.has(field)) setOwn(out, field, value);
  return out;
}

function textItems(value: unknown): { id: unknown; text: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.map((item) =>
    isPlainObject(item) && typeof item['text'] === 'string' && Object.keys(item).length === 2 && 'id' in item
      ? { id: item['id'], text: item['text'] }
      : undefined,
  );
  return items.every(isDefined) ? items : undefined;
}

function taskItems(value: unknown): { itemId: unknown; label: string; done: boolean }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = value.map((item) =>
    isPlainObject(item) &&
    typeof item['label'] === 'string' &&
    item['label'] !== '' &&
    typeof item['done'] === 'boolean' &&
    Object.keys(item).length === 3 &&
    'itemId' in item
      ? { itemId: item['itemId'], label: item['label'], done: item['done'] }
      : undefined,
  );
  return items.every(isDefined) ? items : undefined;
}

function isDefined<T>(item: T | undefined): item is T {
  return item !== undefined;
}
