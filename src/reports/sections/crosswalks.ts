/**
 * Existing audits that answer requirements, and the crosswalk views chosen for the report:
 * per framework the rule, the counts, every control with the requirements that count for it,
 * and the gaps. The views come computed (src/core/crosswalk); this only lays them out.
 */
import type { Block } from '../report-document.js';
import type { SectionContext } from './context.js';
import { text } from './context.js';

export function auditedRequirements(ctx: SectionContext): Block[] {
  const { input, m, f, index } = ctx;
  const entries = Object.entries(input.assessment.audits ?? {});
  if (entries.length === 0) return [];
  const order = new Map(index.requirements.map((r, i) => [r.key, i]));
  entries.sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return [
    { kind: 'heading', level: 1, text: m.section.audited },
    { kind: 'paragraph', text: m.audit.intro },
    {
      kind: 'table',
      columns: [
        { label: m.column.requirement, width: 'fill' },
        { label: m.column.audit, width: 'fill' },
        { label: m.column.reportDate, width: 'fit' },
        { label: m.column.report, width: 'fill' },
      ],
      rows: entries.map(([key, credit]) => {
        const requirement = index.requirementByKey.get(key);
        const audit = credit.note ? `${credit.audit}\n${credit.note}` : credit.audit;
        return [
          requirement ? `${requirement.position} ${requirement.name}` : key,
          text(audit),
          f.date(credit.date),
          credit.reportUrl,
        ];
      }),
      empty: '',
    },
  ];
}

export function crosswalks(ctx: SectionContext): Block[] {
  const { input, m } = ctx;
  const views = input.crosswalks ?? [];
  if (views.length === 0) return [];
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: m.section.crosswalks },
    { kind: 'paragraph', text: m.crosswalk.intro },
  ];
  for (const view of views) {
    const { summary, rule } = view;
    blocks.push(
      { kind: 'heading', level: 2, text: m.crosswalk.heading(view.pack.framework, view.pack.version) },
      { kind: 'paragraph', text: m.crosswalk.rule(rule.threshold, rule.thresholdName), tone: 'muted' },
      {
        kind: 'paragraph',
        text: m.crosswalk.summary(summary.supported, summary['partly-supported'], summary.gap, summary.controls),
      },
      {
        kind: 'table',
        columns: [
          { label: m.column.control, width: 'fill' },
          { label: m.column.status, width: 'fit' },
          { label: m.column.supportedBy, width: 'fill' },
        ],
        rows: view.controls.map((control) => [
          `${control.id} ${control.title}`,
          m.crosswalk.status[control.status],
          control.supports
            .filter((row) => row.counts)
            .map((row) => {
              const level = row.level > 0 ? String(row.level) : m.crosswalk.notRated;
              const audited = row.audit ? `, ${m.crosswalk.audited}` : '';
              return `${row.position ?? row.requirement} (${level}${audited})`;
            })
            .join(', '),
        ]),
        empty: '',
      },
      { kind: 'heading', level: 3, text: m.crosswalk.gapsTitle },
      {
        kind: 'table',
        columns: [
          { label: m.column.requirement, width: 'fill' },
          { label: m.column.level, width: 'fit', align: 'right' },
          { label: m.column.controls, width: 'fill' },
        ],
        rows: view.gaps.map((gap) => [
          `${gap.position} ${gap.name}`,
          gap.level > 0 ? String(gap.level) : m.crosswalk.notRated,
          gap.controls.join(', '),
        ]),
        empty: m.crosswalk.noGaps,
      },
    );
  }
  return blocks;
}
