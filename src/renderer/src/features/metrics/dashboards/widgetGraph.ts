/**
 * Between graphs and dashboard widgets: a graph written as a metric widget (as the console writes
 * one), and a dashboard's widgets read back as graphs — those the app cannot draw are listed with the
 * reason instead.
 */
import { STANDARD_UNITS, type StandardUnit } from '../../../../../shared/contract';
import { readWidgetRows, writeWidgetRows, type DashboardWidgetEntry, type ParsedDashboard, type WidgetRow } from '../../../../../shared/metric-dashboards';
import { lastDuration, type TimeRange } from '../../../../../shared/time-range';
import { DEFAULT_RANGE, DEFAULT_STAT, emptyGraph, type AxisSettings, type Graph, type GraphSeries, type GraphView } from '../graph/graph';

export function widgetOf(graph: Graph, region: string): DashboardWidgetEntry {
  const rows: WidgetRow[] = graph.series.map((series) => {
    const options = {
      id: series.id,
      label: series.label || undefined,
      color: series.color || undefined,
      yAxis: series.axis === 'right' ? ('right' as const) : undefined,
      visible: series.visible ? undefined : false,
      period: series.period,
    };
    return series.kind === 'metric'
      ? { kind: 'metric', namespace: series.metric.namespace, metricName: series.metric.metricName, dimensions: series.metric.dimensions, options: { ...options, stat: series.stat } }
      : { kind: 'expression', expression: series.expression, options };
  });
  const range = widgetRange(graph.range);
  return {
    type: 'metric',
    width: 12,
    height: 6,
    properties: {
      metrics: writeWidgetRows(rows),
      view: graph.view === 'number' ? 'singleValue' : graph.view === 'bar' ? 'bar' : 'timeSeries',
      stacked: graph.view === 'stackedArea',
      region,
      ...(graph.title ? { title: graph.title } : {}),
      ...(graph.period === 'auto' ? {} : { period: graph.period }),
      yAxis: { left: widgetAxis(graph.axes.left), right: widgetAxis(graph.axes.right) },
      ...range,
    },
  };
}

function widgetAxis(axis: AxisSettings): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ label: axis.label || undefined, min: axis.min, max: axis.max, showUnits: false }).filter(([, value]) => value !== undefined));
}

/** A relative range as an ISO 8601 duration ("-PT3H"), an absolute one as two times. */
function widgetRange(range: TimeRange): { start: string; end?: string } {
  if (range.kind === 'absolute') return { start: new Date(range.start).toISOString(), end: new Date(range.end).toISOString() };
  const start = `-PT${Math.round(range.startAgoMs / 1000)}S`;
  return range.endAgoMs === 0 ? { start } : { start, end: `-PT${Math.round(range.endAgoMs / 1000)}S` };
}

export interface DashboardGraph {
  readonly title: string;
  readonly graph: Graph;
  /** Something the graph could not keep, e.g. "shown as a line graph (gauge)". */
  readonly note?: string;
}

export interface WidgetNotShown {
  readonly title: string;
  readonly type: string;
  readonly reason: string;
}

export interface DashboardContents {
  readonly graphs: readonly DashboardGraph[];
  readonly notShown: readonly WidgetNotShown[];
}

const VIEWS: Readonly<Record<string, { readonly view: GraphView; readonly note?: string }>> = {
  timeSeries: { view: 'line' },
  bar: { view: 'bar' },
  singleValue: { view: 'number' },
  gauge: { view: 'number', note: 'shown as numbers (a gauge on the dashboard)' },
  pie: { view: 'bar', note: 'shown as bars (a pie chart on the dashboard)' },
  table: { view: 'line', note: 'shown as a graph (a table on the dashboard)' },
};

export function dashboardContents(dashboard: ParsedDashboard, region: string, now: number): DashboardContents {
  const graphs: DashboardGraph[] = [];
  const notShown: WidgetNotShown[] = [];
  const dashboardRange = parseWidgetRange(dashboard.fields['start'], dashboard.fields['end'], now);
  dashboard.widgets.forEach((widget, index) => {
    const properties = widget.properties ?? {};
    const title = typeof properties['title'] === 'string' && properties['title'] !== '' ? properties['title'] : `Widget ${index + 1}`;
    if (widget.type !== 'metric') {
      notShown.push({ title, type: widget.type, reason: `${/^[aeiou]/i.test(widget.type) ? 'an' : 'a'} ${widget.type} widget; Cloudscope shows metric widgets` });
      return;
    }
    const read = graphOfWidget(properties, region, now, dashboardRange);
    if (!read.ok) notShown.push({ title, type: widget.type, reason: read.reason });
    else graphs.push({ title, graph: { ...read.graph, title }, note: read.note });
  });
  return { graphs, notShown };
}

function graphOfWidget(
  properties: Readonly<Record<string, unknown>>,
  region: string,
  now: number,
  dashboardRange: TimeRange | undefined,
): { ok: true; graph: Graph; note?: string } | { ok: false; reason: string } {
  if (properties['metrics'] === undefined) return { ok: false, reason: 'a metrics explorer or query widget, which Cloudscope does not read yet' };
  const rows = readWidgetRows(properties['metrics']);
  if (!rows.ok) return { ok: false, reason: `its metrics do not read: ${rows.message}` };
  const widgetRegion = typeof properties['region'] === 'string' ? properties['region'] : region;
  const otherRegion = rows.rows.map((row) => row.options.region ?? widgetRegion).find((rowRegion) => rowRegion !== region);
  if (otherRegion !== undefined) return { ok: false, reason: `it graphs ${otherRegion}; switch to that region to see it` };
  const viewName = typeof properties['view'] === 'string' ? properties['view'] : 'timeSeries';
  const view = VIEWS[viewName] ?? { view: 'line' as const, note: `shown as a graph (${viewName} on the dashboard)` };
  const widgetStat = typeof properties['stat'] === 'string' ? properties['stat'] : DEFAULT_STAT;
  const widgetPeriod = typeof properties['period'] === 'number' ? properties['period'] : undefined;
  let counter = 0;
  const used = new Set(rows.rows.map((row) => row.options.id).filter((id): id is string => id !== undefined));
  const freshId = (prefix: string) => {
    for (;;) {
      counter += 1;
      const id = `${prefix}${counter}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const series: GraphSeries[] = rows.rows.map((row) => {
    const common = {
      id: row.options.id ?? freshId(row.kind === 'metric' ? 'm' : 'e'),
      label: row.options.label ?? '',
      color: row.options.color ?? '',
      axis: row.options.yAxis ?? ('left' as const),
      visible: row.options.visible ?? true,
      period: row.options.period,
    };
    return row.kind === 'metric'
      ? { kind: 'metric', metric: { namespace: row.namespace, metricName: row.metricName, dimensions: row.dimensions }, stat: row.options.stat ?? widgetStat, ...common }
      : { kind: 'expression', expression: row.expression, ...common };
  });
  const yAxis = isRecord(properties['yAxis']) ? properties['yAxis'] : {};
  const base = emptyGraph();
  const graph: Graph = {
    ...base,
    view: view.view === 'line' && properties['stacked'] === true ? 'stackedArea' : view.view,
    range: parseWidgetRange(properties['start'], properties['end'], now) ?? dashboardRange ?? DEFAULT_RANGE,
    period: widgetPeriod ?? 'auto',
    series,
    axes: { left: axisOf(yAxis['left']), right: axisOf(yAxis['right']) },
  };
  return { ok: true, graph, note: view.note };
}

function axisOf(raw: unknown): AxisSettings {
  if (!isRecord(raw)) return { label: '' };
  const unit = typeof raw['unit'] === 'string' && (STANDARD_UNITS as readonly string[]).includes(raw['unit']) ? (raw['unit'] as StandardUnit) : undefined;
  return {
    label: typeof raw['label'] === 'string' ? raw['label'] : '',
    unit,
    min: typeof raw['min'] === 'number' ? raw['min'] : undefined,
    max: typeof raw['max'] === 'number' ? raw['max'] : undefined,
  };
}

/** A widget's start and end: ISO 8601 durations before now ("-PT3H", "-P7D") or absolute times. */
export function parseWidgetRange(start: unknown, end: unknown, now: number): TimeRange | undefined {
  if (typeof start !== 'string') return undefined;
  const startAgo = isoDurationMs(start);
  const endAgo = typeof end === 'string' ? isoDurationMs(end) : 0;
  if (startAgo !== undefined && endAgo !== undefined) {
    return startAgo > endAgo ? { kind: 'relative', startAgoMs: startAgo, endAgoMs: endAgo } : undefined;
  }
  const startTime = Date.parse(start);
  const endTime = typeof end === 'string' ? Date.parse(end) : now;
  if (!Number.isFinite(startTime) || !Number.isFinite(endTime) || startTime >= endTime) return startAgo !== undefined ? lastDuration(startAgo) : undefined;
  return { kind: 'absolute', start: startTime, end: endTime };
}

const ISO_DURATION = /^-?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** "-PT3H" → 10,800,000; months and years count as 30 and 365 days, as the console reads them. */
export function isoDurationMs(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text === '-P' || text.endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const DAY = 86_400_000;
  return (
    (years as number) * 365 * DAY +
    (months as number) * 30 * DAY +
    (weeks as number) * 7 * DAY +
    (days as number) * DAY +
    (hours as number) * 3_600_000 +
    (minutes as number) * 60_000 +
    Math.round((seconds as number) * 1000)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
