/**
 * Bar charts of a scan's indicators. Registers ECharts' bar series on the shared core the
 * results page set up (as the trend chart does with lines), so Chart.tsx draws them; this file
 * is loaded only with the scan page.
 */
import { BarChart } from 'echarts/charts';
import { echarts, type EChartsOption } from '../results/echarts.js';

echarts.use([BarChart]);

export interface Bar {
  label: string;
  count: number;
}

const ACCENT = '#0b5cad';

/** Upright bars along a category axis in the given order (months, oldest first). */
export function columnChart(bars: readonly Bar[], seriesName: string): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: seriesName, type: 'bar', data: bars.map((b) => b.count) }],
    color: [ACCENT],
    animation: false,
  };
}

/** Lying bars, largest on top, for long names (algorithms, issuers). */
export function rankingChart(bars: readonly Bar[], seriesName: string): EChartsOption {
  const sorted = [...bars].sort((a, b) => a.count - b.count);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 32, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((b) => b.label),
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [{ name: seriesName, type: 'bar', data: sorted.map((b) => b.count) }],
    color: [ACCENT],
    animation: false,
  };
}

/** Enough room for every lying bar to keep its label readable. */
export function rankingHeight(count: number): string {
  return `${Math.max(12, 4 + count * 1.6)}rem`;
}
