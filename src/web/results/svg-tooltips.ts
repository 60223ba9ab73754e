import type { EChartsOption } from './echarts.js';

/**
 * The option with every tooltip drawn inside the chart's SVG. ECharts' default HTML tooltip
 * writes markup with style attributes through innerHTML, which the CSP (style-src 'self')
 * blocks: each hover logged violations and showed an unstyled box. Rich-text tooltips are
 * drawn by the renderer from text, so there is no markup at all (ECharts reads `{name|...}` in
 * a text as a reference to a rich style; the charts define none, so such text shows as it is).
 */
export function withSvgTooltips(option: EChartsOption): EChartsOption {
  const tooltip = option['tooltip'] as Record<string, unknown> | Record<string, unknown>[] | undefined;
  if (tooltip === undefined) return option;
  // Drawn inside the chart, it must stay inside it (confine) or it is cut off at the edge.
  const rich = (one: Record<string, unknown>) => ({ confine: true, ...one, renderMode: 'richText' });
  return { ...option, tooltip: Array.isArray(tooltip) ? tooltip.map(rich) : rich(tooltip) };
}
