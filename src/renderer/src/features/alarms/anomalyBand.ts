/**
 * A band alarm's anomaly band from a GetMetricData answer, for the editor's backtest and the detail's chart:
 * the ThresholdMetricId's two series paired by time into lower and upper bounds.
 */
import type { MetricData, MetricDataSeries } from '../../../../shared/contract';
import type { ChartBand } from '../../components/chart/chartOption';

export function valuesByTime(series: MetricDataSeries): Map<number, number> {
  const map = new Map<number, number>();
  series.timestamps.forEach((timestamp, index) => map.set(timestamp, series.values[index]!));
  return map;
}

/** A band alarm's band as the chart draws it, from the ThresholdMetricId's two series in a GetMetricData answer. */
export function anomalyBandOf(data: MetricData, thresholdMetricId: string | undefined): ChartBand | undefined {
  if (thresholdMetricId === undefined) return undefined;
  const series = data.series.filter((item) => item.id === thresholdMetricId);
  return chartBandOf(series, bandBounds(series));
}

export function chartBandOf(series: readonly MetricDataSeries[], bounds: Map<number, readonly [number, number]>): ChartBand | undefined {
  if (series.length === 0) return undefined;
  return { id: 'band', label: series[0]!.label || 'Expected band', points: [...bounds].sort((a, b) => a[0] - b[0]).map(([time, [lower, upper]]) => [time, lower, upper]) };
}

/**
 * ANOMALY_DETECTION_BAND answers two series under its id, the band's edges; which is which is read from the
 * values (the lower one is lower), not from their order or labels.
 */
export function bandBounds(series: readonly MetricDataSeries[]): Map<number, readonly [number, number]> {
  const bounds = new Map<number, readonly [number, number]>();
  if (series.length < 2) return bounds;
  const second = valuesByTime(series[1]!);
  series[0]!.timestamps.forEach((timestamp, index) => {
    const a = series[0]!.values[index]!;
    const b = second.get(timestamp);
    if (b !== undefined) bounds.set(timestamp, [Math.min(a, b), Math.max(a, b)]);
  });
  return bounds;
}
