import type { Assessment } from '../core/assessment/assessment.types.js';
import { taskProgress } from '../core/plans/plan-helpers.js';
import { planEntries, planHeading } from '../core/plans/timeline.js';
import type { PlanStatus } from '../core/plans/plan.types.js';
import type { Model } from '../core/model/model.types.js';
import type { ActionPlan, ReportLanguage } from './report-input.js';

const STATUS: Record<ReportLanguage, Record<PlanStatus, string>> = {
  en: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', dropped: 'Dropped' },
  de: { planned: 'Geplant', 'in-progress': 'In Arbeit', done: 'Erledigt', dropped: 'Verworfen' },
};
const WORDS: Record<ReportLanguage, { objective: string; tasks: string; target: string; start: string }> = {
  en: { objective: 'Objective', tasks: 'Tasks done', target: 'Target level', start: 'Start' },
  de: { objective: 'Ziel', tasks: 'Erledigte Aufgaben', target: 'Zielstufe', start: 'Beginn' },
};

/**
 * The assessment's plans as the detailed report's rows, in due-date order: the title (else the
 * subject's name), the subject, the responsible person, the due date, the status in the
 * report's language, and the rest of the plan in the description.
 */
export function reportActionPlans(assessment: Assessment, model: Model, language: ReportLanguage): ActionPlan[] {
  const words = WORDS[language];
  // Overdue is not shown in the report, so no clock is needed: any day works.
  return planEntries([{ assessmentId: assessment.id ?? '', assessment, model }], '0000-00-00').map((entry) => {
    const { plan } = entry;
    const objectives = plan.objectives ?? [];
    const title = planHeading(entry);
    const progress = taskProgress(plan);
    const lines = [
      ...objectives.map((objective) => `${words.objective}: ${objective}`),
      plan.targetLevel ? `${words.target}: ${plan.targetLevel}` : '',
      plan.schedule?.start ? `${words.start}: ${plan.schedule.start}` : '',
      progress.total > 0 ? `${words.tasks}: ${progress.done}/${progress.total}` : '',
    ].filter((line) => line !== '');
    return {
      title,
      target: plan.subject,
      ...(plan.responsible ? { owner: plan.responsible } : {}),
      ...(plan.schedule?.due ? { due: plan.schedule.due } : {}),
      status: STATUS[language][plan.status],
      ...(lines.length > 0 ? { description: lines.join('\n') } : {}),
    };
  });
}
