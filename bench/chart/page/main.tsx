/**
 * The app's TimeSeriesChart on a page of its own, for the chart benchmark (chart.bench.ts), which
 * drives it through `window.chartBench`. Nothing here is in the app.
 */
import '../../../src/renderer/src/styles/theme.css';
import '../../../src/renderer/src/styles/base.css';
import './page.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { ChartSeries } from '../../../src/renderer/src/components/chart/chartOption';
import { TimeSeriesChart } from '../../../src/renderer/src/components/chart/TimeSeriesChart';
import type { ChartBenchApi } from '../api';

const MINUTE = 60_000;
const END = Date.UTC(2026, 10, 30, 12, 0);

/** Deterministic wavy series with a gap in every tenth one, as real metrics have. */
function makeSeries(count: number, points: number): ChartSeries[] {
  const start = END - points * MINUTE;
  return Array.from({ length: count }, (_, s) => ({
    id: `m${s}`,
    label: `Series ${s}`,
    axis: s % 5 === 4 ? ('right' as const) : ('left' as const),
    points: Array.from({ length: points }, (_, i) => {
      const inGap = s % 10 === 0 && i > points / 2 && i < points / 2 + 30;
      return [start + i * MINUTE, inGap ? null : 100 + s * 10 + 40 * Math.sin((i + s * 17) / 60) + ((i * 7919 + s * 104729) % 13)] as const;
    }),
  }));
}

const container = document.getElementById('root') as HTMLElement;
const root = createRoot(container);

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function inkedPixels(): number {
  const canvas = container.querySelector('canvas');
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return 0;
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) inked++;
  return inked;
}

const api: ChartBenchApi = {
  async render(seriesCount, points) {
    const series = makeSeries(seriesCount, points);
    const range = { start: END - points * MINUTE, end: END };
    await afterNextPaint();
    const started = performance.now();
    flushSync(() =>
      root.render(
        <div className="chart-page">
          <TimeSeriesChart series={series} range={range} zone="utc" label="Benchmark chart" axes={{ left: { unit: 'Milliseconds' }, right: { unit: 'Count' } }} onZoom={() => undefined} />
        </div>,
      ),
    );
    await afterNextPaint();
    const ms = performance.now() - started;
    return { ms, inkedPixels: inkedPixels() };
  },
  async clear() {
    flushSync(() => root.render(<div className="chart-page" />));
    await afterNextPaint();
  },
};

(window as unknown as { chartBench: ChartBenchApi }).chartBench = api;
