/**
 * One metric (namespace, name and exact dimension set) and its data: what PutMetricData stored, and for
 * demo metrics a generator that computes any past bucket on demand (so 15 months of history are never
 * stored). Queries read it period by period under the retention tiers: a period is served only where it is a
 * multiple of the resolution the data of that age is kept at, and nothing older than 15 months is.
 */
import { MAX_RETENTION_MS, periodServesTime, resolutionAt } from '../../../shared/metric-periods';
import { PeriodAggregate, type StatisticSet } from './aggregate';

export interface Dimension {
  readonly Name: string;
  readonly Value: string;
}

export interface MetricIdentity {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
}

/** One PutMetricData datum, as stored: its time floored to its storage resolution. */
export interface StoredDatum {
  readonly timestamp: number;
  readonly unit: string;
  readonly values?: readonly number[];
  readonly counts?: readonly number[];
  readonly set?: StatisticSet;
}

/** Computes a metric's data for any past bucket; the same bucket always gives the same data. */
export interface SeriesGenerator {
  readonly unit: string;
  /** Seconds between its data points when fresh (60 for standard resolution). */
  readonly resolutionSeconds: number;
  /** Adds the data of the bucket [start, start + seconds) to `into`. */
  fill(start: number, seconds: number, into: PeriodAggregate): void;
}

export interface PeriodValue {
  readonly timestamp: number;
  readonly unit: string;
  readonly aggregate: PeriodAggregate;
}

/** The key of a metric: namespace, name and dimensions in name order (the set, not the order, counts). */
export function metricKey(namespace: string, metricName: string, dimensions: readonly Dimension[]): string {
  const sorted = [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  return `${namespace}\u0000${metricName}\u0000${sorted.map((d) => `${d.Name}\u0001${d.Value}`).join('\u0002')}`;
}

export class MetricSeries {
  private data: StoredDatum[] = [];
  private sorted = true;
  /** When data last arrived (sandbox clock), for ListMetrics' RecentlyActive and two-week window. */
  lastReceivedAt: number;

  constructor(
    readonly identity: MetricIdentity,
    receivedAt: number,
    readonly generator?: SeriesGenerator,
  ) {
    this.lastReceivedAt = receivedAt;
  }

  add(datum: StoredDatum, receivedAt: number): void {
    const last = this.data[this.data.length - 1];
    if (last !== undefined && last.timestamp > datum.timestamp) this.sorted = false;
    this.data.push(datum);
    this.lastReceivedAt = Math.max(this.lastReceivedAt, receivedAt);
  }

  /** Whether data has arrived since `time`; a generated metric keeps arriving. */
  activeSince(time: number): boolean {
    return this.generator !== undefined || this.lastReceivedAt >= time;
  }

  /**
   * The periods of [start, end) at `periodSeconds` that have data, oldest first: buckets start at `start`
   * (already aligned by the caller). `unit` keeps only data published with that unit.
   */
  periods(start: number, end: number, periodSeconds: number, now: number, unit?: string): PeriodValue[] {
    if (!this.sorted) {
      this.data.sort((a, b) => a.timestamp - b.timestamp);
      this.sorted = true;
    }
    const periodMs = periodSeconds * 1000;
    const generator = this.generator !== undefined && (unit === undefined || unit === this.generator.unit) ? this.generator : undefined;
    const result: PeriodValue[] = [];
    let index = this.firstAtOrAfter(start);
    for (let bucket = start; bucket < end; bucket += periodMs) {
      const bucketEnd = Math.min(bucket + periodMs, end);
      while (index < this.data.length && this.data[index]!.timestamp < bucket) index++;
      if (now - bucket > MAX_RETENTION_MS || !periodServesTime(periodSeconds, bucket, now)) continue;
      const aggregate = new PeriodAggregate();
      let bucketUnit: string | undefined;
      for (; index < this.data.length && this.data[index]!.timestamp < bucketEnd; index++) {
        const datum = this.data[index]!;
        if (unit !== undefined && datum.unit !== unit) continue;
        bucketUnit ??= datum.unit;
        addDatum(aggregate, datum);
      }
      if (generator !== undefined) {
        this.generate(generator, bucket, bucketEnd, now, aggregate);
        if (!aggregate.isEmpty) bucketUnit ??= generator.unit;
      }
      if (!aggregate.isEmpty) result.push({ timestamp: bucket, unit: bucketUnit ?? 'None', aggregate });
    }
    return result;
  }

  /** The generator's data in [start, end) at the resolution data of that age is kept at, up to `now`. */
  private generate(generator: SeriesGenerator, start: number, end: number, now: number, into: PeriodAggregate): void {
    const step = Math.max(generator.resolutionSeconds, resolutionAt(start, now) ?? 3600) * 1000;
    for (let t = Math.ceil(start / step) * step; t < end && t + step <= now; t += step) generator.fill(t, step / 1000, into);
  }

  private firstAtOrAfter(time: number): number {
    let low = 0;
    let high = this.data.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.data[mid]!.timestamp < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** How many data this series stores (not counting generated ones). */
  get storedCount(): number {
    return this.data.length;
  }
}

function addDatum(aggregate: PeriodAggregate, datum: StoredDatum): void {
  if (datum.set !== undefined) {
    aggregate.addSet(datum.set);
    return;
  }
  const { values = [], counts } = datum;
  if (counts === undefined) aggregate.addValues(values);
  else for (let i = 0; i < values.length; i++) aggregate.addValue(values[i]!, counts[i]!);
}
