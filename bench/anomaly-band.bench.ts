/**
 * The sandbox's anomaly band over 14 days of 1-minute data (20,160 points), as the alarm editor's backtest and
 * the alarm evaluator ask for it: the model alone (training on 20,160 points and drawing the band), and
 * GetMetricData of a demo metric with ANOMALY_DETECTION_BAND through the sandbox's router (in process, no HTTP)
 * — the first call trains the model on the demo metric's two weeks, the next ones reuse it.
 */
import { trainSeasonalModel } from '../src/sandbox/services/cloudwatch/anomaly/model';
import { ANOMALY_DETECTORS_STORE } from '../src/sandbox/services/cloudwatch/anomaly/store';
import { demoSeed } from '../src/sandbox/seed/demo';
import { loadSeed } from '../src/sandbox/seed/load';
import { RouterHarness } from '../src/sandbox/test-support';
import { median, type Benchmark } from './harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RUNS = 9;

function modelMs(): number {
  const start = Date.UTC(2026, 10, 16);
  const timestamps: number[] = [];
  const values: number[] = [];
  let noise = 17;
  for (let i = 0; i < 14 * 1440; i++) {
    noise = (noise * 1103515245 + 12345) % 2147483648;
    timestamps.push(start + i * MINUTE);
    values.push(40 + 25 * Math.sin((2 * Math.PI * i) / 1440) + (noise % 1000) / 100);
  }
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    trainSeasonalModel(timestamps, values, { excludedTimeRanges: [] })!.band(timestamps, 2);
    times.push(performance.now() - started);
  }
  return median(times);
}

function getMetricDataMs(): { cold: number; warm: number } {
  const harness = new RouterHarness();
  harness.now = Math.floor(Date.now() / MINUTE) * MINUTE;
  loadSeed(harness.state, demoSeed({ now: harness.now }), harness.now);
  const metric = { Namespace: 'AWS/ApiGateway', MetricName: 'Count' };
  const listed = JSON.parse(harness.cloudwatch('ListMetrics', metric).body) as { Metrics: { Dimensions: unknown[] }[] };
  const body = {
    StartTime: (harness.now - 14 * DAY) / 1000,
    EndTime: harness.now / 1000,
    MetricDataQueries: [
      { Id: 'm1', MetricStat: { Metric: { ...metric, Dimensions: listed.Metrics[0]!.Dimensions }, Period: 60, Stat: 'Sum' } },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
    ],
  };
  const call = (): number => {
    const started = performance.now();
    const response = harness.cloudwatch('GetMetricData', body);
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GetMetricData failed: ${response.body}`);
    return ms;
  };
  const models = harness.state.region('us-east-1').store(ANOMALY_DETECTORS_STORE);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A detector put clears the trained models, so the next call trains again.
    models.put({ id: 'bench', key: `bench-${run}`, type: 'SINGLE_METRIC', excludedTimeRanges: [], createdAt: harness.now });
    cold.push(call());
    warm.push(call());
  }
  return { cold: median(cold), warm: median(warm) };
}

export const anomalyBand: Benchmark = {
  name: 'anomaly.band',
  description: 'anomaly band over 14 days of 1-minute data: the model alone, and GetMetricData with ANOMALY_DETECTION_BAND on a demo metric (training, then cached)',
  async run(report) {
    modelMs(); // warm-up
    report({ name: 'anomaly.model_14d_ms', value: modelMs(), unit: 'ms' });
    const { cold, warm } = getMetricDataMs();
    report({ name: 'anomaly.get_metric_data_band_14d_ms', value: cold, unit: 'ms' });
    report({ name: 'anomaly.get_metric_data_band_14d_cached_ms', value: warm, unit: 'ms' });
  },
};
