import { useState } from 'react';
import type { Model } from '../../core/model/model.types.js';
import { PLAN_STATUSES, type PlanStatus } from '../../core/plans/plan.types.js';
import type { Item } from '../answer/items.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useAsync } from '../components/useAsync.js';
import { useT } from '../i18n/useT.js';
import { PlanFields } from './PlanFields.js';
import { formOf, planOf, type PlanFormValues } from './plan-form.js';
import { plansApi, type PlanView } from './plans-api.js';
import { PlanChangedError, writePlan } from './write-plan.js';

function subjectsOf(item: Item): { key: string; title: string }[] {
  const category = { key: item.category.key, title: `${item.category.position} ${item.category.name}` };
  if (item.kind === 'category') return [category];
  return [{ key: item.key, title: `${item.requirement.position} ${item.requirement.name}` }, category];
}

interface Shared {
  assessmentId: string;
  canEdit: boolean;
  levelName: (n: number) => string;
  /** Runs a write with the current version and refreshes the list afterwards. */
  write: (
    planId: string | undefined,
    base: PlanView | undefined,
    send: (version: number) => Promise<unknown>,
  ) => Promise<boolean>;
}

/**
 * The action plans of one category or requirement, on the answer page: each plan with its
 * status and task checklist (saved at once) and its fields (saved with a button), and a form
 * to add one. Plans are stored through their own endpoints, each write one revision.
 */
export function PlanSection({
  assessmentId,
  item,
  model,
  canEdit,
}: {
  assessmentId: string;
  item: Item;
  model: Model;
  canEdit: boolean;
}) {
  // The item first, then (for a requirement) its category: plans of either are shown here.
  const subjects = subjectsOf(item);
  const subject = item.key;
  const t = useT();
  const list = useAsync(() => plansApi.list(assessmentId), [assessmentId]);
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState(false);
  const levelName = (n: number) => model.levels.find((l) => l.number === n)?.name ?? '';
  const keys = new Set(subjects.map((s) => s.key));
  const own = (list.data?.plans ?? []).filter((entry) => keys.has(entry.plan.subject));
  const titleOf = (key: string) => subjects.find((s) => s.key === key)?.title ?? key;
  const write: Shared['write'] = async (planId, base, send) => {
    setError(undefined);
    setNotice('');
    try {
      await writePlan(list.data?.version ?? 0, planId, base, send);
      list.reload();
      return true;
    } catch (e) {
      if (e instanceof PlanChangedError) {
        setNotice(t('plans.changedElsewhere'));
        list.reload();
      } else setError(e);
      return false;
    }
  };
  const shared: Shared = { assessmentId, canEdit, levelName, write };
  return (
    <section className="plans" aria-labelledby={`plans-${subject}`}>
      <h3 id={`plans-${subject}`}>{t('plans.section')}</h3>
      <p className="muted">{t('plans.sectionIntro')}</p>
      {!canEdit && <p>{t('plans.readOnly')}</p>}
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {error !== undefined && <ErrorAlert error={error} />}
      <p role="status" className="plans-status">
        {notice}
      </p>
      {list.data && own.length === 0 && !adding && <p>{t('plans.none')}</p>}
      {own.map((entry) => (
        // Keyed by content, so a card starts afresh from what is stored once its plan changed.
        <PlanCard
          key={`${entry.planId}-${JSON.stringify(entry.plan)}`}
          planId={entry.planId}
          plan={entry.plan}
          subjectTitle={titleOf(entry.plan.subject)}
          overdue={entry.overdue}
          {...shared}
          onNotice={setNotice}
        />
      ))}
      {adding ? (
        <NewPlan
          subjects={subjects}
          {...shared}
          onDone={(created) => {
            setAdding(false);
            if (created) setNotice(t('plans.saved'));
          }}
        />
      ) : (
        canEdit && (
          <p>
            <button type="button" onClick={() => setAdding(true)}>
              {t('plans.add')}
            </button>
          </p>
        )
      )}
    </section>
  );
}

function NewPlan({
  subjects,
  assessmentId,
  levelName,
  write,
  onDone,
}: Shared & { subjects: { key: string; title: string }[]; onDone: (created: boolean) => void }) {
  const t = useT();
  const [values, setValues] = useState<PlanFormValues>(formOf(undefined));
  const [subject, setSubject] = useState(subjects[0]?.key ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="plan-card"
      aria-labelledby={`new-plan-${subject}`}
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        const plan = planOf(values, { subject, status: 'planned' });
        void write(undefined, undefined, (version) => plansApi.create(assessmentId, version, plan)).then(
          (ok) => {
            setBusy(false);
            if (ok) onDone(true);
          },
        );
      }}
    >
      <h4 id={`new-plan-${subject}`}>{t('plans.newTitle')}</h4>
      <p className="plan-field">
        <label htmlFor="new-plan-subject">{t('plans.colSubject')}</label>
        <select
          id="new-plan-subject"
          value={subject}
          disabled={busy}
          onChange={(e) => setSubject(e.target.value)}
        >
          {subjects.map((s) => (
            <option key={s.key} value={s.key}>
              {s.title}
            </option>
          ))}
        </select>
      </p>
      <PlanFields
        idPrefix="new-plan"
        values={values}
        levelName={levelName}
        disabled={busy}
        onChange={setValues}
      />
      <p className="row">
        <button type="submit" disabled={busy}>
          {t('plans.create')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('plans.cancel')}
        </button>
      </p>
    </form>
  );
}

function PlanCard({
  planId,
  plan,
  subjectTitle,
  overdue,
  assessmentId,
  canEdit,
  levelName,
  write,
  onNotice,
}: Shared & {
  planId: string;
  plan: PlanView;
  subjectTitle: string;
  overdue: boolean;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<PlanFormValues>(formOf(plan));
  const [task, setTask] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = plan.title ?? t('plans.untitled');
  const tasks = plan.tasks ?? [];
  // A ticked box shows at once; the card is rebuilt from the server's copy once saved.
  const [ticked, setTicked] = useState(() => tasks.map((task) => task.done));
  const idPrefix = `plan-${planId}`;
  const run = (send: (version: number) => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    void write(planId, plan, send).then((ok) => {
      setBusy(false);
      if (ok) after?.();
      else setTicked(tasks.map((task) => task.done));
    });
  };
  const disabled = !canEdit || busy;
  return (
    <section className={overdue ? 'plan-card overdue' : 'plan-card'} aria-labelledby={`${idPrefix}-heading`}>
      <h4 id={`${idPrefix}-heading`}>
        {t('plans.planFor', { title: heading })}
        {overdue && <span className="overdue-marker"> — {t('plans.overdue')}</span>}
      </h4>
      <p className="muted">{subjectTitle}</p>
      <p className="plan-field">
        <label htmlFor={`${idPrefix}-status`}>{t('plans.status')}</label>
        <select
          id={`${idPrefix}-status`}
          value={plan.status}
          disabled={disabled}
          onChange={(event) => {
            const status = event.target.value as PlanStatus;
            run((version) => plansApi.status(assessmentId, version, planId, status));
          }}
        >
          {PLAN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`plans.status.${status}`)}
            </option>
          ))}
        </select>
      </p>
      <fieldset>
        <legend>{t('plans.tasks')}</legend>
        {tasks.length === 0 ? (
          <p>{t('plans.noTasks')}</p>
        ) : (
          <>
            <p className="muted">
              {t('plans.tasksDone', { done: tasks.filter((x) => x.done).length, total: tasks.length })}
            </p>
            <ul className="plan-task-list">
              {tasks.map((item, index) => (
                <li key={`${index}-${item.label}`}>
                  <label className="inline-field">
                    <input
                      type="checkbox"
                      checked={ticked[index] ?? item.done}
                      disabled={disabled}
                      onChange={(event) => {
                        const done = event.target.checked;
                        setTicked((list) => list.map((value, i) => (i === index ? done : value)));
                        run((version) => plansApi.task(assessmentId, version, planId, index, done));
                      }}
                    />
                    {item.label}
                  </label>{' '}
                  {canEdit && (
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={t('plans.removeTask', { label: item.label })}
                      onClick={() =>
                        run((version) =>
                          plansApi.replace(assessmentId, version, planId, {
                            ...plan,
                            tasks: tasks.filter((_, i) => i !== index),
                          }),
                        )
                      }
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
        {canEdit && (
          <p className="row">
            <label htmlFor={`${idPrefix}-new-task`}>{t('plans.newTask')}</label>
            <input
              id={`${idPrefix}-new-task`}
              type="text"
              value={task}
              disabled={disabled}
              onChange={(e) => setTask(e.target.value)}
            />
            <button
              type="button"
              disabled={disabled || task.trim() === ''}
              onClick={() =>
                run(
                  (version) =>
                    plansApi.replace(assessmentId, version, planId, {
                      ...plan,
                      tasks: [...tasks, { label: task.trim(), done: false }],
                    }),
                  () => setTask(''),
                )
              }
            >
              {t('plans.addTask')}
            </button>
          </p>
        )}
      </fieldset>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run(
            (version) => plansApi.replace(assessmentId, version, planId, planOf(values, plan)),
            () => onNotice(t('plans.saved')),
          );
        }}
      >
        <PlanFields
          idPrefix={idPrefix}
          values={values}
          levelName={levelName}
          disabled={disabled}
          onChange={setValues}
        />
        {canEdit && (
          <p className="row">
            <button type="submit" disabled={disabled}>
              {t('plans.save')}
            </button>
            <button
              type="button"
              disabled={disabled}
              onClick={() => {
                if (window.confirm(t('plans.confirmDelete', { title: heading })))
                  run(
                    (version) => plansApi.remove(assessmentId, version, planId),
                    () => onNotice(t('plans.deleted')),
                  );
              }}
            >
              {t('plans.delete')}
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
