/**
 * The shared alarm engine: its backtest, as the alarm editor runs it on every drag of the threshold (14 days of
 * 1-minute data, 20,160 points, with gaps and an incident; and 100,000 points), and 10,000 single evaluations
 * with their reasons, the engine's share of the sandbox's minute tick.
 */
import { backtest, evaluateAlarm, type AlarmConfig, type AlarmDatapoint } from '../src/shared/alarms';
import { median, type Benchmark } from './harness';

const START = Date.UTC(2026, 10, 16);
const MINUTE = 60_000;
const RUNS = 30;

/** A daily cycle with noise, a gap every few hours and an incident on day 9 (deterministic). */
function history(points: number): AlarmDatapoint[] {
  const series: AlarmDatapoint[] = [];
  let noise = 17;
  for (let i = 0; i < points; i++) {
    noise = (noise * 1103515245 + 12345) % 2147483648;
    if (i % 397 < 3) continue;
    const daily = 40 + 25 * Math.sin((2 * Math.PI * i) / 1440);
    const incident = i >= 9 * 1440 && i < 9 * 1440 + 90 ? 40 : 0;
    series.push({ timestamp: START + i * MINUTE, value: daily + incident + (noise % 1000) / 100, sampleCount: 60 });
  }
  return series;
}

function medianMs(config: AlarmConfig, data: readonly AlarmDatapoint[]): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const threshold = 70 + (run % 10);
    const started = performance.now();
    backtest({ ...config, threshold }, data);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** One minute's tick: each alarm evaluated once on the last 7 periods of its own datapoints. */
function evaluate10kMs(config: AlarmConfig, data: readonly AlarmDatapoint[]): number {
  const now = data[data.length - 1]!.timestamp + MINUTE;
  const recent = data.slice(-7);
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (let alarm = 0; alarm < 10_000; alarm++) evaluateAlarm({ ...config, threshold: 40 + (alarm % 50) }, recent, { now, currentState: 'OK' });
    times.push(performance.now() - started);
  }
  return median(times);
}

export const alarmsEngine: Benchmark = {
  name: 'alarms.engine',
  description: 'backtest recompute over 14 days of 1-minute data (20,160 points) and over 100,000 points, as on each threshold drag; 10,000 evaluations',
  async run(report) {
    const config: AlarmConfig = {
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      threshold: 80,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'missing',
      statistic: 'Average',
    };
    medianMs(config, history(2_000)); // warm-up
    report({ name: 'alarms.backtest_14d_ms', value: medianMs(config, history(14 * 1440)), unit: 'ms' });
    report({ name: 'alarms.backtest_100k_ms', value: medianMs(config, history(100_000)), unit: 'ms' });
    report({ name: 'alarms.engine_evaluate_10k_ms', value: evaluate10kMs(config, history(2_000)), unit: 'ms' });
  },
};
