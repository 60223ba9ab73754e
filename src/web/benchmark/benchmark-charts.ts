/** ECharts options of the comparison: box plots per category and the radar of you over the peer median. */
import type { EChartsOption } from '../results/echarts.js';
import type { CompareOk } from './benchmark-api.js';

export interface NamedCategory {
  key: string;
  name: string;
}

export function boxplotOption(
  result: CompareOk,
  names: NamedCategory[],
  labels: { you: string; group: string },
): EChartsOption {
  const rows = result.categories;
  const name = (key: string) => names.find((n) => n.key === key)?.name ?? key;
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [labels.group, labels.you] },
    grid: { left: 220, right: 24, top: 16, bottom: 48 },
    xAxis: { type: 'value', min: 0, max: 5 },
    yAxis: { type: 'category', data: rows.map((c) => name(c.key)), inverse: true },
    series: [
      {
        name: labels.group,
        type: 'boxplot',
        // ECharts boxplot values are [low, Q1, median, Q3, high]; the whiskers here are p10 and p90.
        data: rows.map((c) => [c.p10, c.p25, c.median, c.p75, c.p90].map((v) => v ?? '-')),
      },
      {
        name: labels.you,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        data: rows.flatMap((c, i) => (c.value === null ? [] : [[c.value, i]])),
      },
    ],
    color: ['#0b5cad', '#c2410c'],
    animation: false,
  };
}

export function radarOption(
  result: CompareOk,
  names: NamedCategory[],
  labels: { you: string; median: string },
): EChartsOption {
  const rows = result.categories;
  const name = (key: string) => names.find((n) => n.key === key)?.name ?? key;
  return {
    tooltip: {},
    legend: { bottom: 0, data: [labels.median, labels.you] },
    radar: { indicator: rows.map((c) => ({ name: name(c.key), min: 0, max: 5 })), radius: '65%' },
    series: [
      {
        type: 'radar',
        data: [
          { name: labels.median, value: rows.map((c) => c.median ?? 0) },
          { name: labels.you, value: rows.map((c) => c.value ?? 0) },
        ],
      },
    ],
    color: ['#6b7280', '#c2410c'],
    animation: false,
  };
}
