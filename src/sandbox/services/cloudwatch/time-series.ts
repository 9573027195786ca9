/** A time series as GetMetricData and metric math see it: ascending timestamps, one value each. */
import type { MetricIdentity } from './series';

export interface TimeSeries {
  /** Epoch ms, ascending. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** Seconds between its points. */
  readonly period: number;
  /** The label it gets by default. */
  readonly label: string;
  /** The metric it reads, for dynamic labels' PROP(…); undefined for computed series. */
  readonly metric?: MetricIdentity;
  readonly stat?: string;
}

/** A series like `base` with other points. */
export function withPoints(base: TimeSeries, timestamps: readonly number[], values: readonly number[]): TimeSeries {
  return { ...base, timestamps, values };
}

/** Applies `f` to each value; points whose result is not a finite number are dropped (counted in `dropped`). */
export function mapValues(series: TimeSeries, f: (value: number, index: number) => number, dropped: { count: number }): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < series.values.length; i++) {
    const value = f(series.values[i]!, i);
    if (Number.isFinite(value)) {
      timestamps.push(series.timestamps[i]!);
      values.push(value);
    } else {
      dropped.count++;
    }
  }
  return withPoints(series, timestamps, values);
}

/** Combines two series at the timestamps both have. */
export function combine(a: TimeSeries, b: TimeSeries, f: (x: number, y: number) => number, dropped: { count: number }): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  let j = 0;
  for (let i = 0; i < a.timestamps.length; i++) {
    const t = a.timestamps[i]!;
    while (j < b.timestamps.length && b.timestamps[j]! < t) j++;
    if (j < b.timestamps.length && b.timestamps[j] === t) {
      const value = f(a.values[i]!, b.values[j]!);
      if (Number.isFinite(value)) {
        timestamps.push(t);
        values.push(value);
      } else {
        dropped.count++;
      }
    }
  }
  return { ...a, timestamps, values, metric: undefined };
}

/** The values of several series at each timestamp any of them has, reduced by `f` (missing values skipped). */
export function acrossSeries(list: readonly TimeSeries[], f: (values: number[]) => number, period: number, label: string): TimeSeries {
  const byTime = new Map<number, number[]>();
  for (const series of list) {
    series.timestamps.forEach((t, i) => {
      let bucket = byTime.get(t);
      if (bucket === undefined) byTime.set(t, (bucket = []));
      bucket.push(series.values[i]!);
    });
  }
  const timestamps = [...byTime.keys()].sort((x, y) => x - y);
  const values = timestamps.map((t) => f(byTime.get(t)!));
  return { timestamps, values, period, label };
}

export const reducers = {
  SUM: (values: readonly number[]) => values.reduce((s, v) => s + v, 0),
  AVG: (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length,
  MIN: (values: readonly number[]) => values.reduce((m, v) => Math.min(m, v), Infinity),
  MAX: (values: readonly number[]) => values.reduce((m, v) => Math.max(m, v), -Infinity),
  /** Population standard deviation. */
  STDDEV: (values: readonly number[]) => {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  },
} as const;

export type ReducerName = keyof typeof reducers;
