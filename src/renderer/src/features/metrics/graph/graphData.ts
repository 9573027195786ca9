/**
 * Between a graph and its data: the GetMetricData request for the range as it is now, and the answer
 * turned into chart series — labels filled in, missing periods drawn as gaps (null), never as zero.
 */
import type { MetricData, MetricDataRequest, MetricDataSeries } from '../../../../../shared/contract';
import { hasDynamicLabel, resolveDynamicLabel } from '../../../../../shared/metric-labels';
import type { TimeZoneMode } from '../../../../../shared/format';
import type { ResolvedRange } from '../../../../../shared/time-range';
import { seriesColor, type ChartPoint, type ChartSeries } from '../../../components/chart/chartOption';
import { defaultLabel, type Graph, type GraphSeries } from './graph';
import { graphPeriod, seriesPeriod } from './graphPeriods';

/** The request for the graph over `range` (already resolved against the clock). */
export function dataRequestOf(graph: Graph, range: ResolvedRange, now: number, zone: TimeZoneMode): MetricDataRequest {
  return {
    queries: graph.series.map((series) =>
      series.kind === 'metric'
        ? {
            id: series.id,
            metricStat: { metric: { ...series.metric, dimensions: [...series.metric.dimensions] }, period: seriesPeriod(graph, series, range, now).seconds, stat: series.stat },
            label: series.label || undefined,
            returnData: series.visible,
          }
        : { id: series.id, expression: series.expression, label: series.label || undefined, returnData: series.visible, period: series.period },
    ),
    startTime: Math.floor(range.start),
    endTime: Math.ceil(range.end),
    labelTimezone: labelTimezone(zone, now),
  };
}

/** GetMetricData's LabelOptions.Timezone: "+0000" for UTC, else this machine's offset at `now`. */
export function labelTimezone(zone: TimeZoneMode, now: number): string {
  if (zone === 'utc') return '+0000';
  const minutes = -new Date(now).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const magnitude = Math.abs(minutes);
  return `${sign}${String(Math.floor(magnitude / 60)).padStart(2, '0')}${String(magnitude % 60).padStart(2, '0')}`;
}

export interface ChartInput {
  readonly series: readonly ChartSeries[];
  /** The graph series each chart series came from (by chart series id). */
  readonly sources: ReadonlyMap<string, GraphSeries>;
}

export interface ChartContext {
  readonly range: ResolvedRange;
  readonly now: number;
  readonly zone: TimeZoneMode;
  readonly region: string;
}

export function chartSeriesOf(graph: Graph, data: MetricData, context: ChartContext): ChartInput {
  const byId = new Map(graph.series.map((series) => [series.id, series]));
  // Colours follow a series' place on the graph (as the graphed-metrics table shows them), hidden inputs included.
  const place = new Map(graph.series.map((series, index) => [series.id, index]));
  const perId = new Map<string, number>();
  for (const result of data.series) perId.set(result.id, (perId.get(result.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  const sources = new Map<string, GraphSeries>();
  const series: ChartSeries[] = [];
  for (const result of data.series) {
    const source = byId.get(result.id);
    if (!source) continue;
    const index = seen.get(result.id) ?? 0;
    seen.set(result.id, index + 1);
    const id = (perId.get(result.id) ?? 1) > 1 ? `${result.id}:${index}` : result.id;
    const period = source.kind === 'metric' ? seriesPeriod(graph, source, context.range, context.now).seconds : graphPeriod(graph, context.range, context.now).seconds;
    sources.set(id, source);
    series.push({
      id,
      label: labelOf(source, result, (perId.get(result.id) ?? 1) > 1, period, context),
      points: withGaps(result.timestamps, result.values, period * 1000),
      color: source.color || seriesColor({}, (place.get(result.id) ?? 0) + index),
      axis: source.axis,
    });
  }
  return { series, sources };
}

function labelOf(source: GraphSeries, result: MetricDataSeries, oneOfMany: boolean, period: number, context: ChartContext): string {
  // A SEARCH's series are told apart by the labels AWS gives them.
  const fallback = oneOfMany ? result.label : defaultLabel(source);
  if (!source.label) return fallback;
  // AWS fills dynamic labels in; an endpoint that does not gets them filled in here, the same way.
  if (!hasDynamicLabel(result.label)) return result.label;
  const metric = source.kind === 'metric' ? source.metric : undefined;
  return resolveDynamicLabel(source.label, {
    defaultLabel: fallback,
    namespace: metric?.namespace,
    metricName: metric?.metricName,
    dimensions: metric?.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
    period,
    stat: source.kind === 'metric' ? source.stat : undefined,
    region: context.region,
    timestamps: result.timestamps,
    values: result.values,
    timezone: labelTimezone(context.zone, context.now),
    now: context.now,
  });
}

/**
 * Points with a null wherever a period has no datapoint, so the line breaks there. The step is the
 * series' period, or the smallest step its data has when that is longer (a SEARCH with its own period).
 */
export function withGaps(timestamps: readonly number[], values: readonly number[], periodMs: number): ChartPoint[] {
  let step = Number.POSITIVE_INFINITY;
  for (let index = 1; index < timestamps.length; index++) step = Math.min(step, (timestamps[index] as number) - (timestamps[index - 1] as number));
  const expected = Math.max(periodMs, Number.isFinite(step) ? step : 0);
  const points: ChartPoint[] = [];
  for (let index = 0; index < timestamps.length; index++) {
    const time = timestamps[index] as number;
    const previous = timestamps[index - 1];
    if (previous !== undefined && time - previous > expected) points.push([previous + expected, null]);
    const value = values[index];
    points.push([time, value === undefined || !Number.isFinite(value) ? null : value]);
  }
  return points;
}
