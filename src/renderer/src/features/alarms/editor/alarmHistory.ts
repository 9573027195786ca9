/**
 * The metric history an alarm is tuned on: which GetMetricData request reads it (only what changes the data —
 * metric, statistic, period, band width — is in it, so dragging the threshold never refetches), how its answer
 * becomes the engine's datapoints and the chart's series, and the backtest's sentence.
 */
import { alarmIntervals, backtest, minimumSamplesFor, type AlarmDatapoint, type BacktestResult } from '../../../../../shared/alarms';
import type { MetricData, MetricDataRequest, MetricQuery } from '../../../../../shared/contract';
import { plural } from '../../../../../shared/format';
import type { ChartBand, ChartInterval, ChartPoint } from '../../../components/chart/chartOption';
import { bandBounds, chartBandOf, valuesByTime } from '../anomalyBand';
import { alarmConfigOf, comparedQuery, draftPeriod, type AlarmDraft } from './alarmDraft';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the backtest looks: 14 days; 3 hours for sub-minute periods, all CloudWatch keeps at that resolution. */
export const BACKTEST_MS = 14 * DAY;
export const HIGH_RESOLUTION_BACKTEST_MS = 3 * HOUR;

export interface HistoryWindow {
  readonly start: number;
  readonly end: number;
}

/** The backtest's range at `now`: ending at the last whole period, so every period in it is complete. */
export function historyWindow(periodSeconds: number, now: number): HistoryWindow {
  const periodMs = periodSeconds * 1000;
  const end = Math.floor(now / periodMs) * periodMs;
  return { start: end - (periodSeconds < 60 ? HIGH_RESOLUTION_BACKTEST_MS : BACKTEST_MS), end };
}

/** The id of the compared series in a single-metric alarm's request, and of its sample counts. */
const METRIC_ID = 'm1';
const SAMPLES_ID = 'samples';

function needsSampleCounts(draft: AlarmDraft): boolean {
  return draft.evaluateLowSampleCountPercentile === 'ignore' && minimumSamplesFor(draft.extendedStatistic) > 0;
}

/** The request for the draft's history; undefined while the draft cannot be graphed (no period, no metric). */
export function historyRequest(draft: AlarmDraft, now: number): MetricDataRequest | undefined {
  const period = draftPeriod(draft);
  if (period === undefined || !(period > 0)) return undefined;
  const window = historyWindow(period, now);
  if (draft.metrics !== undefined) {
    if (draft.metrics.length === 0) return undefined;
    const queries: MetricQuery[] = draft.metrics.map((query) => ({
      id: query.id,
      ...(query.metricStat ? { metricStat: query.metricStat } : {}),
      ...(query.expression === undefined ? {} : { expression: query.expression }),
      ...(query.label === undefined ? {} : { label: query.label }),
      ...(query.period === undefined ? {} : { period: query.period }),
      returnData: query.returnData !== false || query.id === draft.thresholdMetricId,
    }));
    return { queries, startTime: window.start, endTime: window.end };
  }
  const stat = draft.statistic ?? draft.extendedStatistic;
  if (draft.namespace === undefined || draft.metricName === undefined || stat === undefined) return undefined;
  const metric = { namespace: draft.namespace, metricName: draft.metricName, dimensions: [...draft.dimensions] };
  const unit = draft.unit === undefined ? {} : { unit: draft.unit };
  const queries: MetricQuery[] = [{ id: METRIC_ID, metricStat: { metric, period, stat, ...unit }, returnData: true }];
  if (needsSampleCounts(draft)) queries.push({ id: SAMPLES_ID, metricStat: { metric, period, stat: 'SampleCount', ...unit }, returnData: true });
  return { queries, startTime: window.start, endTime: window.end };
}

/** The history as the engine and the chart need it. */
export interface AlarmHistory {
  readonly datapoints: readonly AlarmDatapoint[];
  /** The compared series, for the chart. */
  readonly points: readonly ChartPoint[];
  readonly label: string;
  /** The anomaly band, for band alarms. */
  readonly band?: ChartBand;
  /** AWS's notes about the answer (partial data, an expression's warning). */
  readonly messages: readonly string[];
}

export function historyFromData(draft: AlarmDraft, data: MetricData): AlarmHistory {
  const comparedId = draft.metrics === undefined ? METRIC_ID : comparedQuery(draft)?.id;
  const compared = data.series.find((series) => series.id === comparedId);
  const bandSeries = draft.thresholdMetricId === undefined ? [] : data.series.filter((series) => series.id === draft.thresholdMetricId);
  const samples = data.series.find((series) => series.id === SAMPLES_ID);
  const bounds = bandBounds(bandSeries);
  const counts = samples ? valuesByTime(samples) : undefined;
  const datapoints: AlarmDatapoint[] = [];
  const points: ChartPoint[] = [];
  compared?.timestamps.forEach((timestamp, index) => {
    const value = compared.values[index]!;
    const bound = bounds.get(timestamp);
    datapoints.push({ timestamp, value, sampleCount: counts?.get(timestamp), lower: bound?.[0], upper: bound?.[1] });
    points.push([timestamp, value]);
  });
  const band = chartBandOf(bandSeries, bounds);
  const messages = [...data.messages, ...data.series.flatMap((series) => series.messages)];
  if (!compared) messages.push('CloudWatch returned no series for the compared metric.');
  return { datapoints, points, label: compared?.label ?? 'Metric', ...(band ? { band } : {}), messages };
}

/**
 * A period under a minute needs a high-resolution metric: when every datapoint of a sub-minute history falls
 * on a whole minute, the metric is stored at standard resolution (once a minute) and the alarm could never
 * see sub-minute data.
 */
export function resolutionProblem(draft: AlarmDraft, history: AlarmHistory): string | undefined {
  const period = draftPeriod(draft);
  if (period === undefined || period >= 60 || history.datapoints.length < 3) return undefined;
  if (history.datapoints.some((datapoint) => datapoint.timestamp % MINUTE !== 0)) return undefined;
  return `This metric is stored once a minute (standard resolution), so a ${period}-second period would see no more than one value a minute. Periods under 60 seconds need a high-resolution metric; pick 1 minute or more.`;
}

export interface BacktestView {
  readonly result: BacktestResult;
  readonly intervals: readonly ChartInterval[];
  readonly sentence: string;
}

/** The backtest of the draft over its history, as the chart shades it and the sentence says it. */
export function backtestView(draft: AlarmDraft, history: AlarmHistory, window: HistoryWindow, color: string): BacktestView {
  const result = backtest(alarmConfigOf(draft), history.datapoints, { start: window.start, end: window.end });
  const intervals = alarmIntervals(result).map((interval) => ({ ...interval, color, label: 'ALARM' }));
  return { result, intervals, sentence: backtestSentence(result, window) };
}

export function backtestSentence(result: BacktestResult, window: HistoryWindow): string {
  const length = window.end - window.start;
  const span = length >= DAY ? plural(Math.round(length / DAY), 'day') : length >= HOUR ? plural(Math.round(length / HOUR), 'hour') : plural(Math.round(length / MINUTE), 'minute');
  if (result.alarmCount === 0) return `Over the last ${span} this alarm would not have gone to ALARM.`;
  const minutes = Math.round(result.alarmMs / MINUTE);
  return `Over the last ${span} this alarm would have gone to ALARM ${plural(result.alarmCount, 'time')}, for ${plural(minutes, 'minute')} in all.`;
}
