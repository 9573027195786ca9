/**
 * The Insights view's results in Chromium (bench/insights/page, built with Vite and served with the
 * app's content security policy):
 *
 * - insights.results_render_ms: 10,000 result rows (a `fields @timestamp, @message, …` query's whole
 *   answer) from their arrival at the results table to the frame that shows its rows; median of 5
 *   fresh pages. Goal ≤ 100 ms.
 * - insights.chart_render_ms: a `stats count(*) by bin(1m), route` result of 20 routes × 1,440 bins
 *   (a day; 28,800 rows, each route following the day's traffic curve with a little noise) from its
 *   arrival, through the view's rows-to-series step, to the frame after echarts has drawn every series;
 *   median of 5 fresh pages. Goal ≤ 200 ms. Without a GPU (as here: --disable-gpu) Chromium rasterizes
 *   the canvas in software, where the length of the stroked lines dominates: series that jump across
 *   the whole height at every bin take several times longer.
 */
import type { Browser, Page } from '@playwright/test';
import { median, type Benchmark } from '../harness';
import { checkPageErrors, openBenchPage, withBenchBrowser } from '../page-build';
import type { PageServer } from '../viewer/server';
import type { InsightsBenchApi } from './api';
import config, { PAGE_OUT } from './vite.config';

const ROWS = 10_000;
const SERIES = 20;
const BINS = 1_440;
const RUNS = 5;

declare const window: { readonly insightsBench: InsightsBenchApi };

export const insightsRender: Benchmark = {
  name: 'insights-render',
  description: `Insights results in Chromium: ${ROWS.toLocaleString('en')} rows in the table, ${SERIES} series × ${BINS.toLocaleString('en')} bins in the chart`,
  async run(report) {
    await withBenchBrowser(config, PAGE_OUT, async (browser, server) => {
      const rows = await timed(browser, server, async (page) => {
        await page.evaluate((count) => window.insightsBench.stageRows(count), ROWS);
        await collectGarbage(page);
        return page.evaluate(() => window.insightsBench.showRows());
      });
      report({ name: 'insights.results_render_ms', value: rows, unit: 'ms' });
      const chart = await timed(browser, server, async (page) => {
        await page.evaluate(([series, bins]) => window.insightsBench.stageStats(series!, bins!), [SERIES, BINS]);
        await collectGarbage(page);
        return page.evaluate(() => window.insightsBench.showChart());
      });
      report({ name: 'insights.chart_render_ms', value: chart, unit: 'ms' });
    });
  },
};

/** The garbage of making the rows is not part of showing them: collected before the clock starts. */
async function collectGarbage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

/** The median of RUNS fresh pages; a page that logged an error makes its figure meaningless. */
async function timed(browser: Browser, server: PageServer, measure: (page: Page) => Promise<number>): Promise<number> {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await openBenchPage(browser, server, 'insightsBench');
    timings.push(await measure(page));
    checkPageErrors(page);
    await page.close();
  }
  return median(timings);
}
