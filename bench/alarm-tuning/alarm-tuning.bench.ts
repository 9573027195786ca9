/**
 * alarms.drag_step_ms: one step of dragging an alarm's threshold in the editor — the shared engine's
 * backtest over 14 days of one-minute data (20,160 points) and the chart redrawn with the new line and the
 * ALARM shading — from the new threshold until the frame that shows it; median of 20 steps across the
 * chart, in Chromium with the app's content security policy.
 */
import { median, type Benchmark } from '../harness';
import { checkPageErrors, openBenchPage, withBenchBrowser } from '../page-build';
import type { TuningBenchApi } from './api';
import config, { PAGE_OUT } from './vite.config';

const STEPS = 20;

declare const window: { readonly tuningBench: TuningBenchApi };

export const alarmTuningBenchmark: Benchmark = {
  name: 'alarms.tuning',
  description: 'One threshold drag step in the alarm editor: backtest over 20,160 points and the chart redrawn',
  async run(report) {
    await withBenchBrowser(config, PAGE_OUT, async (browser, server) => {
      const page = await openBenchPage(browser, server, 'tuningBench');
      await page.evaluate(() => window.tuningBench.mount(300));
      const timings: number[] = [];
      const counts = new Set<number>();
      for (let step = 0; step < STEPS; step++) {
        const { ms, alarmCount } = await page.evaluate((threshold) => window.tuningBench.step(threshold), 300 - step * 8);
        timings.push(ms);
        counts.add(alarmCount);
      }
      if (counts.size < 2) throw new Error('The backtest gave the same count at every threshold: the steps did not recompute it.');
      checkPageErrors(page);
      report({ name: 'alarms.drag_step_ms', value: median(timings), unit: 'ms' });
      report({ name: 'alarms.drag_step.max_ms', value: Math.max(...timings), unit: 'ms' });
    });
  },
};
