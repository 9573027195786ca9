/**
 * `alarms.sandbox_evaluate_10k_ms`: the sandbox evaluating 10,000 metric alarms in one minute's tick, as its
 * once-a-minute evaluator runs it (sliced, yielding to requests every few milliseconds): alarms over 2,000
 * metrics with raw data (10 values a minute), a mix of Average, Sum, Maximum and p99, 1 to 5 evaluation
 * periods with M out of N, thresholds spread so that some alarms change state each minute (and record
 * history). The median of several ticks, one a minute of the sandbox clock.
 */
import { startSandbox } from '../src/sandbox';
import { withDefaultActions } from '../src/sandbox/services/cloudwatch/alarms/model';
import { initialState } from '../src/sandbox/services/cloudwatch/alarms/save-alarm';
import { median, type Benchmark, type BenchResult } from './harness';

const ALARMS = 10_000;
const METRICS = 2_000;
const MINUTES = 30;
const TICKS = 7;
const MINUTE = 60_000;
const STATISTICS = [{ Statistic: 'Average' }, { Statistic: 'Sum' }, { Statistic: 'Maximum' }, { ExtendedStatistic: 'p99' }] as const;

export const alarmsSandbox: Benchmark = {
  name: 'alarms.sandbox_evaluate_10k_ms',
  description: `one evaluation tick of ${ALARMS.toLocaleString('en-US')} alarms over ${METRICS.toLocaleString('en-US')} metrics with raw data, in the sandbox`,
  async run(report: (result: BenchResult) => void) {
    let now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const sandbox = await startSandbox({ port: 0, seed: 'empty', clock: () => now, evaluateAlarms: false });
    try {
      const { metrics } = sandbox.cloudwatch.seedBulk({ metrics: METRICS, minutes: MINUTES, valuesPerMinute: 10 });
      // Data keeps arriving for the minutes the ticks run in.
      now += TICKS * MINUTE;
      sandbox.cloudwatch.seedBulk({ metrics: METRICS, minutes: TICKS, valuesPerMinute: 10 });
      now -= TICKS * MINUTE;
      const store = sandbox.cloudwatch.alarms('us-east-1');
      for (let i = 0; i < ALARMS; i++) {
        const metric = metrics[i % METRICS]!;
        const n = 1 + (i % 5);
        const name = `bench-alarm-${String(i).padStart(5, '0')}`;
        store.put({
          type: 'MetricAlarm',
          arn: store.arnOf(name),
          configurationUpdatedAt: now,
          state: initialState(now),
          config: withDefaultActions({
            AlarmName: name,
            Namespace: metric.namespace,
            MetricName: metric.metricName,
            Dimensions: metric.dimensions,
            ...STATISTICS[i % STATISTICS.length]!,
            Period: 60,
            EvaluationPeriods: n,
            DatapointsToAlarm: Math.max(1, n - 1),
            // Around each metric's typical value (20–180), so alarms go both ways.
            Threshold: 20 + ((i * 37) % 200),
            ComparisonOperator: 'GreaterThanThreshold',
          }),
        });
      }
      const durations: number[] = [];
      for (let tick = 0; tick < TICKS; tick++) {
        now += MINUTE;
        const started = performance.now();
        const summary = await sandbox.cloudwatch.evaluateAlarms(now);
        durations.push(performance.now() - started);
        if (summary.evaluated !== ALARMS) throw new Error(`expected ${ALARMS} evaluations, got ${summary.evaluated}`);
      }
      report({ name: 'alarms.sandbox_evaluate_10k_ms', value: Math.round(median(durations)), unit: 'ms' });
    } finally {
      await sandbox.close();
    }
  },
};
