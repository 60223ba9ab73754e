import { describe, expect, it } from 'vitest';
import { withSvgTooltips } from './svg-tooltips.js';

describe('withSvgTooltips', () => {
  it('draws every tooltip in the SVG, keeping what the chart asked for', () => {
    const option = { tooltip: { trigger: 'axis', confine: false }, series: [] };
    expect(withSvgTooltips(option)).toEqual({
      tooltip: { trigger: 'axis', confine: false, renderMode: 'richText' },
      series: [],
    });
    expect(option.tooltip).toEqual({ trigger: 'axis', confine: false });
  });

  it('never lets a chart choose the HTML tooltip, and handles a list of tooltips', () => {
    const option = { tooltip: [{ renderMode: 'html' }, {}] };
    expect(withSvgTooltips(option)['tooltip']).toEqual([
      { confine: true, renderMode: 'richText' },
      { confine: true, renderMode: 'richText' },
    ]);
  });

  it('adds no tooltip to a chart without one', () => {
    const option = { series: [] };
    expect(withSvgTooltips(option)).toBe(option);
  });
});
