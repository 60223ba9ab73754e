/** A plan as the form edits it (lists as one text a line) and back, without empty fields. */
import type { PlanView } from './plans-api.js';

export interface PlanFormValues {
  title: string;
  targetLevel: string;
  objectives: string;
  responsible: string;
  start: string;
  due: string;
  resources: string;
  dependencies: string;
  outputs: string;
  comments: string;
}

export function formOf(plan: PlanView | undefined): PlanFormValues {
  return {
    title: plan?.title ?? '',
    targetLevel: plan?.targetLevel ? String(plan.targetLevel) : '',
    objectives: (plan?.objectives ?? []).join('\n'),
    responsible: plan?.responsible ?? '',
    start: plan?.schedule?.start ?? '',
    due: plan?.schedule?.due ?? '',
    resources: plan?.resources ?? '',
    dependencies: plan?.dependencies ?? '',
    outputs: (plan?.outputs ?? []).join('\n'),
    comments: plan?.comments ?? '',
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The plan with the form's fields; status, tasks and fields the form does not show come from `base`. */
export function planOf(values: PlanFormValues, base: PlanView): PlanView {
  const {
    title: _t,
    targetLevel: _l,
    objectives: _o,
    responsible: _r,
    schedule: _s,
    resources: _re,
    dependencies: _d,
    outputs: _ou,
    comments: _c,
    ...kept
  } = base;
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const out: PlanView = { ...kept };
  const set = <K extends keyof PlanView>(key: K, value: PlanView[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('title', text(values.title));
  set('targetLevel', values.targetLevel ? Number(values.targetLevel) : undefined);
  set('objectives', lines(values.objectives).length > 0 ? lines(values.objectives) : undefined);
  set('responsible', text(values.responsible));
  if (values.start || values.due)
    out.schedule = {
      ...(values.start ? { start: values.start } : {}),
      ...(values.due ? { due: values.due } : {}),
    };
  set('resources', text(values.resources));
  set('dependencies', text(values.dependencies));
  set('outputs', lines(values.outputs).length > 0 ? lines(values.outputs) : undefined);
  set('comments', text(values.comments));
  return out;
}
