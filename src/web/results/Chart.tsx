import { useEffect, useRef } from 'react';
import { echarts, type EChartsOption } from './echarts.js';
import { withSvgTooltips } from './svg-tooltips.js';

/** An ECharts chart in a labelled container (role="img"); a data table next to it carries the numbers. */
export function Chart({ option, label, testId }: { option: EChartsOption; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(withSvgTooltips(option));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" role="img" aria-label={label} data-testid={testId} />;
}
