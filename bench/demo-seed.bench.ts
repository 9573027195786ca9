/** Generating the demo seed: it runs at every app start on the Demo connection and in every test. */
import { demoSeed } from '../src/sandbox/seed/demo';
import { median, type Benchmark } from './harness';

const RUNS = 5;
const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);

export const demoSeedGeneration: Benchmark = {
  name: 'sandbox.demo-seed',
  description: 'demoSeed() generation time and size',
  async run(report) {
    const timings: number[] = [];
    const alarmTimings: number[] = [];
    let events = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const seed = demoSeed({ now: NOW + run });
      timings.push(performance.now() - started);
      // The demo alarms' history is a backtest over the metrics, computed when the sandbox loads the seed.
      const alarmsStarted = performance.now();
      for (const region of seed.regions) {
        region.alarms?.('123456789012');
        region.snsTopics?.('123456789012');
      }
      alarmTimings.push(performance.now() - alarmsStarted);
      events = seed.regions.reduce(
        (sum, region) => sum + region.logGroups.reduce((g, group) => g + group.streams.reduce((s, st) => s + st.events.length, 0), 0),
        0,
      );
    }
    report({ name: 'sandbox.demo-seed.generate', value: median(timings), unit: 'ms' });
    report({ name: 'sandbox.demo-seed.events', value: events, unit: 'events' });
    report({ name: 'sandbox.demo-seed.alarms', value: median(alarmTimings), unit: 'ms' });
  },
};
