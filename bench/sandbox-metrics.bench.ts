/**
 * `metrics.sandbox_datapoints_per_s`: the sandbox answering GetMetricData for 500 metrics × 200 one-minute
 * periods with p99 computed from raw values (10 a minute per metric), over HTTP in AWS JSON 1.0 as the SDK
 * sends it (raw requests: the sandbox takes any signature, so the figure is the sandbox's cost plus loopback
 * and JSON, without an SDK's). Datapoints answered per second of wall time, the median of several calls.
 */
import { startSandbox, type Sandbox } from '../src/sandbox';
import { median, type Benchmark, type BenchResult } from './harness';

const SERIES = 500;
const POINTS = 200;
const VALUES_PER_MINUTE = 10;
const CALLS = 7;

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

async function getMetricData(sandbox: Sandbox, body: object): Promise<{ ms: number; datapoints: number }> {
  const started = performance.now();
  const response = await fetch(sandbox.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
      'x-amz-date': amzDate(Date.now()),
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`GetMetricData failed: ${text}`);
  const output = JSON.parse(text) as { MetricDataResults: { Values: number[] }[] };
  return { ms, datapoints: output.MetricDataResults.reduce((sum, r) => sum + r.Values.length, 0) };
}

export const sandboxMetricsDatapoints: Benchmark = {
  name: 'metrics.sandbox_datapoints_per_s',
  description: `GetMetricData of ${SERIES} series × ${POINTS} points, p99 over ${VALUES_PER_MINUTE} raw values a minute, answered by the sandbox`,
  async run(report: (result: BenchResult) => void) {
    const sandbox = await startSandbox({ port: 0, seed: 'empty' });
    try {
      const { metrics, from, to } = sandbox.cloudwatch.seedBulk({ metrics: SERIES, minutes: POINTS, valuesPerMinute: VALUES_PER_MINUTE });
      const body = {
        StartTime: from / 1000,
        EndTime: to / 1000,
        MetricDataQueries: metrics.map((metric, i) => ({
          Id: `m${i}`,
          MetricStat: { Metric: { Namespace: metric.namespace, MetricName: metric.metricName, Dimensions: metric.dimensions }, Period: 60, Stat: 'p99' },
        })),
      };
      const rates: number[] = [];
      for (let call = 0; call < CALLS; call++) {
        const { ms, datapoints } = await getMetricData(sandbox, body);
        if (datapoints !== SERIES * POINTS) throw new Error(`expected ${SERIES * POINTS} datapoints, got ${datapoints}`);
        rates.push(datapoints / (ms / 1000));
      }
      report({ name: 'metrics.sandbox_datapoints_per_s', value: Math.round(median(rates)), unit: 'datapoints/s' });
    } finally {
      await sandbox.close();
    }
  },
};
