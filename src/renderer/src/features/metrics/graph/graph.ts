/**
 * What a graph is: its series (metrics with a statistic, or metric math expressions), how it is drawn,
 * its range and period. Plain data with pure operations, so the hash, the Source editor, dashboards
 * and the screen all work on the same thing.
 */
import type { MetricDescriptor, StandardUnit } from '../../../../../shared/contract';
import { lastDuration, type TimeRange } from '../../../../../shared/time-range';

export type GraphView = 'line' | 'stackedArea' | 'bar' | 'number';
export type AxisSide = 'left' | 'right';

interface SeriesCommon {
  /** The GetMetricData query id: a lowercase letter first (m1, e1…). */
  readonly id: string;
  /** CloudWatch's label, dynamic parts such as `${MAX}` included; empty: the default label. */
  readonly label: string;
  /** A CSS colour; empty: the palette's colour for its place. */
  readonly color: string;
  readonly axis: AxisSide;
  /** false: an input of expressions, fetched but not drawn (ReturnData false). */
  readonly visible: boolean;
  /** Seconds; undefined: the graph's period. */
  readonly period?: number;
}

export interface MetricSeries extends SeriesCommon {
  readonly kind: 'metric';
  readonly metric: MetricDescriptor;
  readonly stat: string;
}

export interface ExpressionSeries extends SeriesCommon {
  readonly kind: 'expression';
  readonly expression: string;
}

export type GraphSeries = MetricSeries | ExpressionSeries;

export interface AxisSettings {
  readonly label: string;
  /** How values on this axis read (Milliseconds, Percent…); undefined: plain numbers. */
  readonly unit?: StandardUnit;
  readonly min?: number;
  readonly max?: number;
}

export interface Graph {
  readonly title: string;
  readonly view: GraphView;
  readonly range: TimeRange;
  /** Seconds, or 'auto': from the range, the retention tiers and the datapoint limits. */
  readonly period: number | 'auto';
  readonly series: readonly GraphSeries[];
  readonly axes: { readonly left: AxisSettings; readonly right: AxisSettings };
  /** Refetch every this many seconds while on screen; 0: off. */
  readonly refreshSeconds: number;
}

export const DEFAULT_STAT = 'Average';
export const DEFAULT_RANGE: TimeRange = lastDuration(3 * 60 * 60 * 1000);
/** A graph holds at most this many series: the console's limit for one graph, and far past what a reader follows. */
export const MAX_SERIES = 100;

export function emptyGraph(): Graph {
  return { title: '', view: 'line', range: DEFAULT_RANGE, period: 'auto', series: [], axes: { left: { label: '' }, right: { label: '' } }, refreshSeconds: 0 };
}

/** The first unused id with the prefix: m1, m2… or e1, e2… */
export function nextId(graph: Graph, prefix: 'm' | 'e'): string {
  const used = new Set(graph.series.map((series) => series.id));
  for (let number = 1; ; number++) if (!used.has(`${prefix}${number}`)) return `${prefix}${number}`;
}

export function addMetric(graph: Graph, metric: MetricDescriptor, stat = DEFAULT_STAT): Graph {
  const series: MetricSeries = { kind: 'metric', id: nextId(graph, 'm'), metric, stat, label: '', color: '', axis: 'left', visible: true };
  return { ...graph, series: [...graph.series, series] };
}

export function addExpression(graph: Graph, expression: string): Graph {
  const series: ExpressionSeries = { kind: 'expression', id: nextId(graph, 'e'), expression, label: '', color: '', axis: 'left', visible: true };
  return { ...graph, series: [...graph.series, series] };
}

/** Changes one series; its id may change too (expressions referring to the old id are the person's to fix, as in the console). */
export function updateSeries(graph: Graph, id: string, change: Partial<Omit<MetricSeries, 'kind'>> | Partial<Omit<ExpressionSeries, 'kind'>>): Graph {
  return { ...graph, series: graph.series.map((series) => (series.id === id ? ({ ...series, ...change } as GraphSeries) : series)) };
}

export function removeSeries(graph: Graph, id: string): Graph {
  return { ...graph, series: graph.series.filter((series) => series.id !== id) };
}

/** Whether the graph's metric series all read one metric (the same namespace, name and dimensions). */
function sameMetric(a: MetricDescriptor, b: MetricDescriptor): boolean {
  return (
    a.namespace === b.namespace &&
    a.metricName === b.metricName &&
    a.dimensions.length === b.dimensions.length &&
    a.dimensions.every((dimension, index) => dimension.name === b.dimensions[index]?.name && dimension.value === b.dimensions[index]?.value)
  );
}

/** Whether the graph already draws this metric with this statistic. */
export function hasMetric(graph: Graph, metric: MetricDescriptor, stat = DEFAULT_STAT): boolean {
  return graph.series.some((series) => series.kind === 'metric' && series.stat === stat && sameMetric(series.metric, metric));
}

/** A metric in a few words: "orders-api · Duration". */
export function metricTitle(metric: MetricDescriptor): string {
  return [...metric.dimensions.map((dimension) => dimension.value), metric.metricName].join(' · ');
}

/** The label a series shows when it has none of its own: "orders-api · Duration p99", or the expression's id. */
export function defaultLabel(series: GraphSeries): string {
  return series.kind === 'metric' ? `${metricTitle(series.metric)} ${series.stat}` : series.id;
}
