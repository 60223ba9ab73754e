/** The PKI team's part of the detailed report: scoping decisions and every requirement with its answer. */
import type { Applicability, ScopeDecision } from '../../core/assessment/assessment.types.js';
import type { Category, Requirement } from '../../core/model/model.types.js';
import type { Block, Facts, Table } from '../report-document.js';
import { categoryLevel } from './summary.js';
import { text, type SectionContext } from './context.js';

/** Everything taken out of (or only partly in) scope, with the reasons given. */
export function scoping(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const { assessment } = input;
  const rows: string[][] = [];
  const add = (item: string, decision: ScopeDecision | undefined) => {
    if (!decision || decision.applicability === 'applicable') return;
    rows.push([item, f.applicability(decision.applicability), text(decision.reason)]);
  };
  for (const module of input.model.modules) {
    add(`${module.id} ${module.name}`, assessment.modules[module.id]);
    for (const category of module.categories) {
      add(`${category.position} ${category.name}`, assessment.categories[category.key]);
      for (const requirement of category.requirements)
        add(`${requirement.position} ${requirement.name}`, assessment.requirements[requirement.key]);
    }
  }
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.scoping }];
  const scope = assessment.scope ?? {};
  const design: Facts['rows'] = (['highLevelDesign', 'pointsOfInteraction'] as const)
    .map((field) => ({ label: m.scope[field], value: text(scope[field]) }))
    .filter((row) => row.value !== '');
  if (design.length > 0) blocks.push({ kind: 'facts', rows: design });
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.item, width: 'fill' },
      { label: m.column.applicability, width: 'fit' },
      { label: m.column.reason, width: 'fill' },
    ],
    rows,
    empty: m.text.allInScope,
  };
  blocks.push(table);
  return blocks;
}

/** One table per category: each requirement's rating, notes and evidence. */
export function requirements(ctx: SectionContext): Block[] {
  const { input, m } = ctx;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.requirements }];
  if (input.assessment.mode === 'self') {
    blocks.push({ kind: 'paragraph', tone: 'muted', text: m.text.selfMode });
    blocks.push(selfAnswers(ctx));
    return blocks;
  }
  for (const module of input.model.modules) {
    for (const category of module.categories) blocks.push(...categoryRequirements(ctx, category));
  }
  return blocks;
}

function categoryRequirements(ctx: SectionContext, category: Category): Block[] {
  const { input, m } = ctx;
  const score = input.score.categories.find((c) => c.key === category.key);
  const heading = `${category.position} ${category.name}`;
  const levelLine = score ? `${m.column.level}: ${categoryLevel(ctx, score)}` : '';
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.id, width: 'fit' },
      { label: m.column.requirement, width: 'fill' },
      { label: m.column.rating, width: 'fit' },
      { label: m.column.notes, width: 'fill' },
      { label: m.column.evidence, width: 'fill' },
    ],
    rows: category.requirements.map((requirement) => requirementRow(ctx, requirement)),
    empty: m.text.noRequirements,
  };
  return [
    { kind: 'heading', level: 2, text: heading },
    ...(levelLine ? [{ kind: 'paragraph' as const, tone: 'muted' as const, text: levelLine }] : []),
    table,
  ];
}

function requirementRow(ctx: SectionContext, requirement: Requirement): string[] {
  const { input, m } = ctx;
  const answer = input.assessment.requirements[requirement.key];
  const applicability: Applicability = answer?.applicability ?? 'applicable';
  let rating: string;
  if (applicability === 'not-applicable') rating = m.value.notApplicable;
  else if (!answer || answer.level === 0) rating = m.value.notAssessed;
  else {
    const name = input.model.levels.find((level) => level.number === answer.level)?.name ?? '';
    rating = `${answer.level} – ${name}`;
    if (applicability === 'partial') rating += ` (${m.value.partial})`;
  }
  const notes = [text(answer?.notes), applicability !== 'applicable' ? text(answer?.reason) : '']
    .filter((part) => part !== '')
    .join('\n');
  const evidence = [text(answer?.evidence), ...(input.evidence?.get(requirement.key) ?? [])]
    .filter((part) => part !== '')
    .join('\n');
  return [requirement.position, requirement.name, rating, notes, evidence];
}

/** In self mode the answers are per category: its declared level and notes. */
function selfAnswers(ctx: SectionContext): Table {
  const { input, m } = ctx;
  return {
    kind: 'table',
    columns: [
      { label: m.column.id, width: 'fit' },
      { label: m.column.category, width: 'fill' },
      { label: m.column.level, width: 'fill' },
      { label: m.column.notes, width: 'fill' },
    ],
    rows: input.score.categories.map((category) => {
      const answer = input.assessment.categories[category.key];
      const notes = [text(answer?.notes), text(answer?.reason)].filter((p) => p !== '').join('\n');
      return [ctx.index.categoryByKey.get(category.key)?.position ?? category.id, category.name, categoryLevel(ctx, category), notes];
    }),
    empty: m.text.overallNone,
  };
}
