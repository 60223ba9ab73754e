/** The detailed report's comparison with an earlier assessment: overall, each module and category. */
import type { LevelValue } from '../../core/scoring/score.types.js';
import type { Block, Table } from '../report-document.js';
import type { SectionContext } from './context.js';

export function comparison(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.comparison }];
  const previous = input.previous;
  if (!previous) {
    blocks.push({ kind: 'paragraph', tone: 'muted', text: m.text.noPrevious });
    return blocks;
  }
  blocks.push({
    kind: 'facts',
    rows: [
      {
        label: m.label.previous,
        value: m.previousOf(previous.assessment.title, f.assessmentDate(previous.assessment)),
      },
      { label: m.label.model, value: f.modelVersion(previous.assessment.model) },
    ],
  });
  const cell = (value: LevelValue | undefined) =>
    value === undefined || value.raw === null ? '–' : `${f.level(value)} (${f.raw(value)})`;
  const change = (before: LevelValue | undefined, after: LevelValue) => {
    if (before?.raw == null || after.raw === null) return '–';
    const delta = after.raw - before.raw;
    if (Math.abs(delta) < 0.005) return m.value.unchanged;
    return `${delta > 0 ? '+' : '−'}${f.number(Math.abs(delta))}`;
  };
  const { score } = input;
  const rows: string[][] = [
    [m.section.overall, cell(previous.score.overall), cell(score.overall), change(previous.score.overall, score.overall)],
  ];
  for (const module of score.modules) {
    const before = previous.score.modules.find((p) => p.id === module.id);
    rows.push([module.name, cell(before), cell(module), change(before, module)]);
  }
  // Categories are matched by key, so only the same model version lines up category by category.
  for (const category of score.categories) {
    const before = previous.score.categories.find((p) => p.key === category.key);
    rows.push([category.name, cell(before), cell(category), change(before, category)]);
  }
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.item, width: 'fill' },
      { label: m.column.previous, width: 'fill' },
      { label: m.column.current, width: 'fill' },
      { label: m.column.change, width: 'fit', align: 'right' },
    ],
    rows,
    empty: m.text.noPrevious,
  };
  blocks.push(table);
  return blocks;
}
