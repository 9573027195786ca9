/**
 * What the detail's chart draws: the alarm's metric (a single metric's statistic, or a math alarm's
 * queries as it defines them) over a range around its last state change, the threshold, and the
 * alarm's states from its history as bands — ALARM red, INSUFFICIENT_DATA grey.
 */
import type { AlarmState, MetricAlarm, MetricData, MetricDataRequest } from '../../../../shared/contract';
import type { ChartInterval, ChartSeries, ChartThreshold } from '../../components/chart/chartOption';
import { thresholdText } from './alarmText';
import type { StateStretch } from './stateHistory';

export const DETAIL_SPANS = [
  { label: '3h', ms: 3 * 3600_000 },
  { label: '1d', ms: 86_400_000 },
  { label: '1w', ms: 7 * 86_400_000 },
  { label: '2w', ms: 14 * 86_400_000 },
] as const;

export type DetailSpan = (typeof DETAIL_SPANS)[number]['label'];

/**
 * A range of `spanMs` that shows the change at `changedAt` with most of the range before it (what led
 * to it) and ends at `now` at the latest, in whole minutes.
 */
export function rangeAround(changedAt: number, spanMs: number, now: number): { readonly start: number; readonly end: number } {
  const end = Math.ceil(Math.min(now, changedAt + spanMs / 4) / 60_000) * 60_000;
  return { start: end - spanMs, end };
}

/** The GetMetricData request of the alarm's metric over the range; undefined for an alarm on no metric. */
export function alarmDataRequest(alarm: MetricAlarm, range: { readonly start: number; readonly end: number }): MetricDataRequest | undefined {
  const base = { startTime: range.start, endTime: range.end };
  if (alarm.metrics && alarm.metrics.length > 0) {
    return {
      ...base,
      queries: alarm.metrics.map((query) => ({
        id: query.id,
        ...(query.metricStat ? { metricStat: { ...query.metricStat, metric: { ...query.metricStat.metric, dimensions: [...query.metricStat.metric.dimensions] } } } : {}),
        ...(query.expression !== undefined ? { expression: query.expression } : {}),
        ...(query.label !== undefined ? { label: query.label } : {}),
        ...(query.period !== undefined ? { period: query.period } : {}),
        returnData: query.returnData ?? true,
      })),
    };
  }
  const stat = alarm.extendedStatistic ?? alarm.statistic;
  if (!alarm.namespace || !alarm.metricName || !stat || !alarm.period) return undefined;
  return {
    ...base,
    queries: [
      {
        id: 'm1',
        label: `${stat} ${alarm.metricName}`,
        metricStat: { metric: { namespace: alarm.namespace, metricName: alarm.metricName, dimensions: [...alarm.dimensions] }, stat, period: alarm.period, ...(alarm.unit ? { unit: alarm.unit } : {}) },
      },
    ],
  };
}

/** The series to draw as lines: all but a band alarm's band, which is drawn as a band (`anomalyBandOf`). */
export function chartSeriesOf(data: MetricData, thresholdMetricId?: string): ChartSeries[] {
  return data.series.flatMap((series, index) => (series.id === thresholdMetricId ? [] : [{
    id: `${series.id}-${index}`,
    label: series.label || series.id,
    points: series.timestamps.map((time, point) => [time, series.values[point] ?? null] as const),
  }]));
}

export function thresholdsOf(alarm: MetricAlarm): ChartThreshold[] {
  if (alarm.threshold === undefined || alarm.thresholdMetricId !== undefined) return [];
  return [{ id: 'threshold', label: `Threshold ${thresholdText(alarm.threshold, alarm.unit)}`, value: alarm.threshold, color: STATE_COLORS.ALARM }];
}

export const STATE_COLORS: Readonly<Record<Exclude<AlarmState, 'OK'>, string>> = { ALARM: '#d93025', INSUFFICIENT_DATA: '#8a94a6' };

/** The bands of the stretches in ALARM and INSUFFICIENT_DATA (OK is the chart's plain background). */
export function stateBands(stretches: readonly StateStretch[]): ChartInterval[] {
  return stretches.flatMap((stretch) =>
    stretch.state === 'OK' ? [] : [{ start: stretch.start, end: stretch.end, color: STATE_COLORS[stretch.state], label: stretch.state === 'ALARM' ? 'In alarm' : 'Insufficient data' }],
  );
}
