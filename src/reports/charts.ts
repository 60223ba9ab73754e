/**
 * Radar charts rendered on the server: ECharts' SSR mode writes SVG without a DOM, so the
 * same vector chart goes into the PDF and inline into the HTML. ECharts escapes the axis
 * names it writes into the SVG text nodes.
 */
import { RadarChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([RadarChart, LegendComponent, SVGRenderer]);

export interface RadarAxis {
  name: string;
  value: number;
  /** The earlier assessment's value on this axis, when comparing. */
  previous?: number;
}

export interface RadarOptions {
  axes: RadarAxis[];
  width: number;
  height: number;
  /** Legend names of the series; `previous` is only used when axes carry previous values. */
  seriesNames: { current: string; previous?: string | undefined };
}

const CURRENT = '#1f5f99';
const PREVIOUS = '#b26b00';

/** An SVG radar, or undefined with fewer than three axes (a radar needs a surface). */
export function radarSvg(options: RadarOptions): string | undefined {
  const { axes, width, height } = options;
  if (axes.length < 3) return undefined;
  // A partial overlay would draw the earlier assessment's unrated axes at zero; the comparison table has those numbers.
  const withPrevious = axes.every((axis) => axis.previous !== undefined) && options.seriesNames.previous;
  const data: { name: string; value: number[]; itemStyle: { color: string } }[] = [
    { name: options.seriesNames.current, value: axes.map((axis) => round(axis.value)), itemStyle: { color: CURRENT } },
  ];
  if (withPrevious) {
    data.push({
      name: options.seriesNames.previous ?? '',
      value: axes.map((axis) => round(axis.previous ?? 0)),
      itemStyle: { color: PREVIOUS },
    });
  }
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'Roboto, Helvetica, Arial, sans-serif' },
      legend: withPrevious
        ? {
            bottom: 0,
            left: 'center',
            orient: 'vertical',
            itemWidth: 14,
            itemHeight: 8,
            textStyle: { fontSize: 10 },
            data: data.map((d) => d.name),
          }
        : { show: false },
      radar: {
        radius: withPrevious ? (axes.length > 8 ? '52%' : '56%') : axes.length > 8 ? '58%' : '64%',
        center: ['50%', withPrevious ? '45%' : '52%'],
        splitNumber: 5,
        indicator: axes.map((axis) => ({ name: wrap(axis.name), min: 0, max: 5 })),
        axisName: { color: '#333', fontSize: 11 },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          data: data.map((d, i) => ({ ...d, areaStyle: { opacity: i === 0 ? 0.25 : 0.08 } })),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    // An undisposed SSR chart keeps a timer alive and the process from exiting.
    chart.dispose();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Breaks long axis names onto lines of about 18 characters so labels of 16 axes do not overlap. */
function wrap(name: string, width = 18): string {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
