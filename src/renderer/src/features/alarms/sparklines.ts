/**
 * The data of the list's sparklines: each alarm's metric over the last hours, asked for many alarms at
 * once — up to GetMetricData's 500 queries and 100,800 datapoints a call. A math alarm's queries get ids
 * of their own in the batch (`a3_m1`), its expression rewritten to match, so alarms cannot collide.
 */
import type { MetricAlarm, MetricData, MetricQuery } from '../../../../shared/contract';
import { GET_METRIC_DATA_MAX_DATAPOINTS, GET_METRIC_DATA_MAX_QUERIES } from '../../../../shared/contract';
import { tokenizeMetricMath } from '../../../../shared/languages/metric-math';

export const SPARKLINE_SPAN_MS = 3 * 60 * 60 * 1000;
/** Finer than a minute would only cost datapoints a row-high line cannot show. */
const MIN_SPARKLINE_PERIOD = 60;

export interface SparklineBatch {
  readonly queries: MetricQuery[];
  /** The returned series' id → the alarm it draws. */
  readonly owners: ReadonlyMap<string, string>;
}

export type SparklinePoints = readonly (readonly [time: number, value: number])[];

function coarse(period: number): number {
  return Math.max(period, MIN_SPARKLINE_PERIOD);
}

/** Renames the query ids an expression refers to. */
export function renameIds(expression: string, rename: ReadonlyMap<string, string>): string {
  let text = '';
  let at = 0;
  for (const token of tokenizeMetricMath(expression)) {
    const renamed = token.kind === 'name' ? rename.get(token.text) : undefined;
    if (renamed === undefined) continue;
    text += expression.slice(at, token.start) + renamed;
    at = token.end;
  }
  return text + expression.slice(at);
}

/** The alarm's queries under `prefix`, only the compared one returning data, and the id of that one; undefined for an alarm on no metric. */
export function sparklineQueries(alarm: MetricAlarm, prefix: string): { readonly queries: MetricQuery[]; readonly resultId: string; readonly period: number } | undefined {
  if (alarm.metrics && alarm.metrics.length > 0) {
    const compared = alarm.metrics.find((query) => query.returnData !== false && query.id !== alarm.thresholdMetricId) ?? alarm.metrics[0];
    if (!compared) return undefined;
    const rename = new Map(alarm.metrics.map((query) => [query.id, `${prefix}${query.id}`]));
    let period = MIN_SPARKLINE_PERIOD;
    const queries = alarm.metrics.map((query): MetricQuery => {
      const common = { id: `${prefix}${query.id}`, returnData: query === compared };
      if (query.metricStat) {
        period = Math.max(period, coarse(query.metricStat.period));
        const { metric, stat, unit } = query.metricStat;
        return { ...common, metricStat: { metric, stat, period: coarse(query.metricStat.period), ...(unit ? { unit } : {}) } };
      }
      return { ...common, expression: renameIds(query.expression ?? '', rename), ...(query.period ? { period: coarse(query.period) } : {}) };
    });
    return { queries, resultId: `${prefix}${compared.id}`, period };
  }
  const stat = alarm.extendedStatistic ?? alarm.statistic;
  if (!alarm.namespace || !alarm.metricName || !stat || !alarm.period) return undefined;
  const period = coarse(alarm.period);
  const id = `${prefix}m`;
  return {
    queries: [{ id, metricStat: { metric: { namespace: alarm.namespace, metricName: alarm.metricName, dimensions: [...alarm.dimensions] }, stat, period, ...(alarm.unit ? { unit: alarm.unit } : {}) } }],
    resultId: id,
    period,
  };
}

/** The alarms' queries over `spanMs`, split into calls within GetMetricData's limits. */
export function sparklineBatches(alarms: readonly MetricAlarm[], spanMs: number): SparklineBatch[] {
  const batches: SparklineBatch[] = [];
  let queries: MetricQuery[] = [];
  let owners = new Map<string, string>();
  let datapoints = 0;
  alarms.forEach((alarm, index) => {
    const asked = sparklineQueries(alarm, `a${index}_`);
    if (!asked) return;
    const points = Math.ceil(spanMs / (asked.period * 1000)) * asked.queries.length;
    if (queries.length > 0 && (queries.length + asked.queries.length > GET_METRIC_DATA_MAX_QUERIES || datapoints + points > GET_METRIC_DATA_MAX_DATAPOINTS)) {
      batches.push({ queries, owners });
      queries = [];
      owners = new Map();
      datapoints = 0;
    }
    queries.push(...asked.queries);
    owners.set(asked.resultId, alarm.name);
    datapoints += points;
  });
  if (queries.length > 0) batches.push({ queries, owners });
  return batches;
}

/** Each alarm's points from one batch's answer; an alarm the answer has no series for has none. */
export function sparklinesOf(batch: SparklineBatch, data: MetricData): Map<string, SparklinePoints> {
  const lines = new Map<string, SparklinePoints>([...batch.owners.values()].map((name) => [name, []]));
  for (const series of data.series) {
    const owner = batch.owners.get(series.id);
    if (owner === undefined) continue;
    lines.set(owner, series.timestamps.map((time, index) => [time, series.values[index] ?? NaN] as const).filter(([, value]) => Number.isFinite(value)));
  }
  return lines;
}

/** The SVG path of a sparkline `width`×`height` over [start, end], and the y of the threshold when there is one. */
export function sparklinePath(
  points: SparklinePoints,
  threshold: number | undefined,
  range: { readonly start: number; readonly end: number },
  width: number,
  height: number,
): { readonly path: string; readonly thresholdY: number | undefined } {
  const values = points.map(([, value]) => value);
  if (threshold !== undefined) values.push(threshold);
  if (values.length === 0) return { path: '', thresholdY: undefined };
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = 1.5;
  const y = (value: number) => pad + (1 - (value - min) / (max - min)) * (height - 2 * pad);
  const x = (time: number) => ((time - range.start) / (range.end - range.start)) * width;
  // Missing datapoints are gaps, never joined: a step longer than the shortest one (the period) starts a new piece.
  let step = Infinity;
  for (let index = 1; index < points.length; index++) step = Math.min(step, points[index]![0] - points[index - 1]![0]);
  const path = points
    .map(([time, value], index) => {
      const at = `${x(time).toFixed(1)},${y(value).toFixed(1)}`;
      const startsPiece = index === 0 || time - points[index - 1]![0] > 1.5 * step;
      const endsPiece = index === points.length - 1 || points[index + 1]![0] - time > 1.5 * step;
      // A lone point between gaps is a dot: a tiny stroke the round line cap shows.
      return startsPiece ? `M${at}${endsPiece ? 'h0.1' : ''}` : `L${at}`;
    })
    .join('');
  return { path, thresholdY: threshold === undefined ? undefined : y(threshold) };
}
