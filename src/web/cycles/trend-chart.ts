/**
 * The line chart of a trend. Registers ECharts' line series on the shared ECharts core the
 * results page set up, so Chart.tsx can draw it; loaded only with the portfolio page.
 */
import { LineChart } from 'echarts/charts';
import { echarts, type EChartsOption } from '../results/echarts.js';
import type { Trend } from './cycles-api.js';

echarts.use([LineChart]);

const day = (at: string) => at.slice(0, 10);

export function trendOption(trend: Trend, overallName: string): EChartsOption {
  const x = trend.points.map((p) => `${day(p.at)} ${p.title}`);
  const line = (name: string, values: (number | null)[], width: number) => ({
    name,
    type: 'line',
    data: values,
    connectNulls: false,
    lineStyle: { width },
    symbolSize: width * 3,
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: x },
    yAxis: { type: 'value', min: 0, max: 5 },
    series: [
      line(
        overallName,
        trend.points.map((p) => p.overall),
        4,
      ),
      ...trend.categories.map((c) =>
        line(
          c.name,
          trend.points.map((p) => p.categories[c.key] ?? null),
          1.5,
        ),
      ),
    ],
    animation: false,
  };
}
