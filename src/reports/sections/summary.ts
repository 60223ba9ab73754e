/** The parts most reports share: the overview facts, the overall level with its meaning, levels and charts. */
import type { CategoryScore } from '../../core/scoring/score.types.js';
import { radarSvg, type RadarAxis } from '../charts.js';
import { trustOf } from '../format.js';
import type { Block, Facts, Table } from '../report-document.js';
import type { ReportType } from '../report-input.js';
import { text, type SectionContext } from './context.js';

export function overview(ctx: SectionContext, type: ReportType): Block[] {
  const { input, m, f } = ctx;
  const { assessment, score } = input;
  const rows: Facts['rows'] = [{ label: m.label.assessment, value: assessment.title }];
  if (text(assessment.organisation) !== '')
    rows.push({ label: m.label.organisation, value: text(assessment.organisation) });
  rows.push({ label: m.label.date, value: f.assessmentDate(assessment) });
  if (type !== 'self' && type !== 'attestation') rows.push({ label: m.label.period, value: f.period(assessment) });
  if (type !== 'self') rows.push({ label: m.label.assessor, value: f.assessor(assessment.assessor) });
  rows.push({ label: m.label.model, value: f.modelVersion(assessment.model) });
  rows.push({ label: m.label.mode, value: f.mode(assessment) });
  if (type !== 'self') rows.push({ label: m.label.type, value: f.type(assessment.type) });
  if (type === 'attestation') rows.push({ label: m.label.trust, value: f.trust(trustOf(assessment.type)) });
  const { rated, applicable } = score.completeness;
  if (assessment.mode === 'full') rows.push({ label: m.label.completeness, value: m.rated(rated, applicable) });
  return [{ kind: 'heading', level: 1, text: m.section.overview }, { kind: 'facts', rows }];
}

/** The overall level, then what the model says that level means. */
export function overall(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const { overall: value } = input.score;
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.overall }];
  if (value.level === null || value.raw === null) {
    blocks.push({ kind: 'paragraph', text: m.text.overallNone, tone: 'lead' });
    return blocks;
  }
  blocks.push({ kind: 'paragraph', tone: 'lead', text: `${f.level(value)} (${m.rawOf(f.raw(value))})` });
  const definition = input.model.levels.find((level) => level.number === value.level);
  if (definition) {
    blocks.push({ kind: 'paragraph', text: definition.meaning.trim() });
    if (definition.risks.trim() !== '') blocks.push({ kind: 'paragraph', text: definition.risks.trim() });
  }
  blocks.push({ kind: 'paragraph', tone: 'muted', text: m.text.levelRule });
  return blocks;
}

export function moduleLevels(ctx: SectionContext): Block[] {
  const { input, m, f } = ctx;
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.module, width: 'fill' },
      { label: m.column.level, width: 'fill' },
      { label: m.column.raw, width: 'fit', align: 'right' },
    ],
    rows: input.score.modules.map((module) => [module.name, f.level(module), f.raw(module)]),
    empty: m.text.overallNone,
  };
  return [{ kind: 'heading', level: 1, text: m.section.modules }, table];
}

/** "not applicable" and "not assessed" say why a category has no level. */
export function categoryLevel(ctx: SectionContext, category: CategoryScore): string {
  if (category.source === 'not-applicable') return ctx.m.value.notApplicable;
  if (category.source === 'not-assessed') return ctx.m.value.notAssessed;
  return ctx.f.level(category);
}

export function categoryLevels(ctx: SectionContext): Block[] {
  const { input, m, f, index } = ctx;
  const full = input.assessment.mode === 'full';
  const table: Table = {
    kind: 'table',
    columns: [
      { label: m.column.id, width: 'fit' },
      { label: m.column.category, width: 'fill' },
      { label: m.column.level, width: 'fill' },
      { label: m.column.raw, width: 'fit', align: 'right' },
      ...(full ? [{ label: m.column.rated, width: 'fit' as const, align: 'right' as const }] : []),
    ],
    rows: input.score.categories.map((category) => [
      index.categoryByKey.get(category.key)?.position ?? category.id,
      category.name,
      categoryLevel(ctx, category),
      f.raw(category),
      ...(full ? [m.rated(category.rated, category.rated + category.notAssessed)] : []),
    ]),
    empty: m.text.overallNone,
  };
  return [{ kind: 'heading', level: 1, text: m.section.categories }, table];
}

/** Radar charts of modules and categories; axes without a level are left out, not drawn as zero. */
export function charts(ctx: SectionContext, withPrevious: boolean): Block[] {
  const { input, m } = ctx;
  const previous = withPrevious ? input.previous?.score : undefined;
  // Titles and dates, since yearly assessments often share a title.
  const seriesNames = {
    current: m.previousOf(input.assessment.title, ctx.f.assessmentDate(input.assessment)),
    previous: input.previous
      ? m.previousOf(input.previous.assessment.title, ctx.f.assessmentDate(input.previous.assessment))
      : undefined,
  };
  const axesOf = (items: { key: string; name: string; raw: number | null }[], before?: typeof items) =>
    items.flatMap((item): RadarAxis[] => {
      if (item.raw === null) return [];
      const earlier = before?.find((b) => b.key === item.key)?.raw;
      return [{ name: item.name, value: item.raw, ...(earlier != null ? { previous: earlier } : {}) }];
    });
  const modules = input.score.modules.map((module) => ({ ...module, key: module.id }));
  const previousModules = previous?.modules.map((module) => ({ ...module, key: module.id }));
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: m.section.charts }];
  const sets = [
    { title: m.label.modules, axes: axesOf(modules, previousModules), width: 340, height: 240 },
    {
      title: m.label.categories,
      axes: axesOf(input.score.categories, previous?.categories),
      width: 460,
      height: 360,
    },
  ];
  for (const set of sets) {
    // Room for the legend below the radar when there are two series.
    const overlaid = previous !== undefined && set.axes.every((axis) => axis.previous !== undefined);
    const height = set.height + (overlaid ? 44 : 0);
    const svg = radarSvg({ axes: set.axes, width: set.width, height, seriesNames });
    if (svg) blocks.push({ kind: 'chart', title: set.title, svg, width: set.width, height });
    else
      blocks.push(
        { kind: 'heading', level: 3, text: set.title },
        { kind: 'paragraph', tone: 'muted', text: m.text.radarTooFew },
      );
  }
  blocks.push({ kind: 'paragraph', tone: 'muted', text: m.text.radarNote });
  return blocks;
}

/** The use case and what is (not) in scope, as recorded in the assessment. */
export function scope(ctx: SectionContext, withDesign: boolean): Block[] {
  const { input, m } = ctx;
  const recorded = input.assessment.scope ?? {};
  const fields = ['description', 'components', 'outOfScope'] as const;
  const design = ['highLevelDesign', 'pointsOfInteraction'] as const;
  const rows = [...fields, ...(withDesign ? design : [])]
    .map((field) => ({ label: m.scope[field], value: text(recorded[field]) }))
    .filter((row) => row.value !== '');
  return [
    { kind: 'heading', level: 1, text: m.section.scope },
    rows.length > 0 ? { kind: 'facts', rows } : { kind: 'paragraph', tone: 'muted', text: m.text.scopeNone },
  ];
}
