import type { Model } from '../../core/model/model.types.js';
import type { ScoreReport } from '../../core/scoring/score.types.js';
import type { Assessment } from '../../core/assessment/assessment.types.js';
import { requirementsOutOfScope } from '../answer/items.js';
import type { EChartsOption } from './echarts.js';

export interface Series {
  name: string;
  report: ScoreReport;
}

interface Axis {
  key: string;
  name: string;
}

function radar(axes: Axis[], series: { name: string; values: number[] }[]): EChartsOption {
  return {
    tooltip: {},
    legend: { bottom: 0, data: series.map((s) => s.name) },
    radar: { indicator: axes.map((a) => ({ name: a.name, max: 5, min: 0 })), radius: '65%' },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({ name: s.name, value: s.values })),
      },
    ],
    color: ['#0b5cad', '#c2410c'],
    animation: false,
  };
}

/** Categories that are in scope (N/A axes are left out), in model order. */
export function categoryAxes(report: ScoreReport): Axis[] {
  return report.categories
    .filter((c) => c.source !== 'not-applicable')
    .map((c) => ({ key: c.key, name: c.name }));
}

export function moduleAxes(report: ScoreReport): Axis[] {
  // A module is left out when all its categories are out of scope.
  return report.modules
    .filter((m) => report.categories.some((c) => c.moduleId === m.id && c.source !== 'not-applicable'))
    .map((m) => ({ key: m.id, name: m.name }));
}

export function categoryRadar(axes: Axis[], series: Series[]): EChartsOption {
  return radar(
    axes,
    series.map((s) => ({
      name: s.name,
      values: axes.map((a) => s.report.categories.find((c) => c.key === a.key)?.raw ?? 0),
    })),
  );
}

export function moduleRadar(axes: Axis[], series: Series[]): EChartsOption {
  return radar(
    axes,
    series.map((s) => ({
      name: s.name,
      values: axes.map((a) => s.report.modules.find((m) => m.id === a.key)?.raw ?? 0),
    })),
  );
}

/** Requirement levels by category: one row per category, one cell per requirement (N/A and unrated left empty). */
export function heatmap(model: Model, assessment: Assessment): EChartsOption {
  const categories = model.modules.flatMap((m) => m.categories);
  const width = Math.max(...categories.map((c) => c.requirements.length), 1);
  const outOfScope = requirementsOutOfScope(model, assessment);
  const data: [number, number, number][] = [];
  categories.forEach((category, y) =>
    category.requirements.forEach((requirement, x) => {
      const level = assessment.requirements[requirement.key]?.level ?? 0;
      if (!outOfScope.has(requirement.key) && level > 0) data.push([x, y, level]);
    }),
  );
  return {
    tooltip: {},
    grid: { left: 200, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: Array.from({ length: width }, (_, i) => String(i + 1)) },
    yAxis: { type: 'category', data: categories.map((c) => `${c.position} ${c.name}`), inverse: true },
    visualMap: {
      min: 1,
      max: 5,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fde0c5', '#0b5cad'] },
    },
    series: [{ type: 'heatmap', data, label: { show: true } }],
    animation: false,
  };
}
