/**
 * Many CloudWatch metrics for benchmarks and scale tests, written straight into the store (no API, no
 * validation): `metrics` metrics in one namespace, five metric names over `Service`/`Host` dimension sets,
 * each with `minutes` minutes of raw data up to `now` (`valuesPerMinute` values a minute, so percentiles
 * have something to work on). The same spec gives the same data.
 */
import type { MetricsStore } from '../services/cloudwatch/store';
import type { MetricIdentity } from '../services/cloudwatch/series';
import { Random } from './demo/random';

export interface MetricBulkSeed {
  readonly metrics: number;
  /** Default `Bulk/Benchmark`. */
  readonly namespace?: string;
  /** Minutes of data per metric, ending at the last whole minute before now; default 0 (listed metrics only). */
  readonly minutes?: number;
  /** Raw values per metric and minute; default 10. */
  readonly valuesPerMinute?: number;
}

export interface MetricBulkSeedResult {
  readonly namespace: string;
  /** Every metric written, in order. */
  readonly metrics: readonly MetricIdentity[];
  /** Epoch ms of the first minute with data, and the end (exclusive) of the last. */
  readonly from: number;
  readonly to: number;
}

const METRIC_NAMES = ['Latency', 'RequestCount', 'ErrorCount', 'CPUUtilization', 'QueueDepth'];
const MINUTE = 60_000;

export function seedBulkMetrics(store: MetricsStore, spec: MetricBulkSeed, now: number): MetricBulkSeedResult {
  const namespace = spec.namespace ?? 'Bulk/Benchmark';
  const minutes = spec.minutes ?? 0;
  const valuesPerMinute = spec.valuesPerMinute ?? 10;
  const to = Math.floor(now / MINUTE) * MINUTE;
  const from = to - minutes * MINUTE;
  const metrics: MetricIdentity[] = [];
  for (let i = 0; i < spec.metrics; i++) {
    const identity: MetricIdentity = {
      namespace,
      metricName: METRIC_NAMES[i % METRIC_NAMES.length]!,
      dimensions: [
        { Name: 'Service', Value: `service-${String(Math.floor(i / METRIC_NAMES.length) % 1000).padStart(3, '0')}` },
        { Name: 'Host', Value: `host-${String(Math.floor(i / (METRIC_NAMES.length * 1000))).padStart(5, '0')}` },
      ],
    };
    metrics.push(identity);
    const series = store.obtain(identity, now);
    const rng = new Random(`bulk-metrics/${namespace}/${i}`);
    const median = 20 + (i % 17) * 10;
    for (let t = from; t < to; t += MINUTE) {
      const values = Array.from({ length: valuesPerMinute }, () => Math.round(rng.logNormal(median, 0.6) * 100) / 100);
      series.add({ timestamp: t, unit: 'None', values }, now);
    }
  }
  return { namespace, metrics, from, to };
}
