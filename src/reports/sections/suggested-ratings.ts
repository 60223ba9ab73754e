/** Which ratings came from accepted scan suggestions, so a reader knows what a person judged. */
import type { Block } from '../report-document.js';
import type { SectionContext } from './context.js';

export function suggestedRatings(ctx: SectionContext): Block[] {
  const { input, m, f, index } = ctx;
  const rows = input.suggestedRatings ?? [];
  if (rows.length === 0) return [];
  return [
    { kind: 'heading', level: 1, text: m.section.fromScans },
    { kind: 'paragraph', text: m.text.fromScansIntro },
    {
      kind: 'table',
      columns: [
        { label: m.column.requirement, width: 'fill' },
        { label: m.column.rating, width: 'fit' },
        { label: m.column.rule, width: 'fit' },
        { label: m.column.decided, width: 'fit' },
      ],
      rows: rows.map((row) => {
        const requirement = index.requirementByKey.get(row.requirement);
        return [
          requirement ? `${requirement.position} ${requirement.name}` : row.requirement,
          `${row.level} – ${input.model.levels.find((level) => level.number === row.level)?.name ?? ''}`,
          row.rule,
          f.dateTime(row.decidedAt),
        ];
      }),
      empty: '',
    },
  ];
}
