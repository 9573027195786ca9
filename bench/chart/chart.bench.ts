/**
 * metrics.chart_render_ms: the app's TimeSeriesChart in Chromium drawing 50 series of 1,440 one-minute
 * points (a day), from handing the series to the chart until the frame that shows them; median of 5
 * fresh mounts. The page is built with Vite and served with the app's content security policy.
 */
import { median, type Benchmark } from '../harness';
import { checkPageErrors, openBenchPage, withBenchBrowser } from '../page-build';
import type { ChartBenchApi } from './api';
import config, { PAGE_OUT } from './vite.config';

const SERIES = 50;
const POINTS = 1_440;
const RUNS = 5;

declare const window: { readonly chartBench: ChartBenchApi };

export const chartBenchmark: Benchmark = {
  name: 'metrics.chart',
  description: `TimeSeriesChart in Chromium with ${SERIES} series × ${POINTS.toLocaleString('en')} points`,
  async run(report) {
    await withBenchBrowser(config, PAGE_OUT, async (browser, server) => {
      const page = await openBenchPage(browser, server, 'chartBench');
      // One mount to warm the code paths, as a graph that is open in the app would be.
      await page.evaluate(([series, points]) => window.chartBench.render(series!, points!), [SERIES, POINTS]);
      const timings: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await page.evaluate(() => window.chartBench.clear());
        const { ms, inkedPixels } = await page.evaluate(([series, points]) => window.chartBench.render(series!, points!), [SERIES, POINTS]);
        if (inkedPixels < 10_000) throw new Error(`The chart drew only ${inkedPixels} pixels: it did not render its series.`);
        timings.push(ms);
      }
      checkPageErrors(page);
      report({ name: 'metrics.chart_render_ms', value: median(timings), unit: 'ms' });
      report({ name: 'metrics.chart_render.max_ms', value: Math.max(...timings), unit: 'ms' });
    });
  },
};
