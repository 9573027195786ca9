/**
 * CloudWatch dashboard bodies as the app reads and extends them (the "Dashboard Body Structure and
 * Syntax" of the CloudWatch API reference): a JSON object with a `widgets` array; metric widgets list
 * their series in `properties.metrics`, one array per row — namespace, metric name, dimension
 * name/value pairs, then an optional object of rendering properties — where "." repeats the previous
 * row's item at that position and "..." the rest of the previous row's items, and an expression row
 * is only that object (`{ "expression": …, "id": … }`). Pure, so main (which refuses to rewrite a body
 * it cannot read) and the renderer (which shows one read-only) agree.
 */

export interface DashboardWidgetEntry {
  readonly type: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface ParsedDashboard {
  /** Every top-level field, kept as it was, so writing it back loses nothing. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly widgets: readonly DashboardWidgetEntry[];
}

export type DashboardParse = { readonly ok: true; readonly dashboard: ParsedDashboard } | { readonly ok: false; readonly message: string };

/** Dashboards hold at most 500 widgets; the grid is 24 columns wide. */
export const DASHBOARD_MAX_WIDGETS = 500;
export const DASHBOARD_COLUMNS = 24;

export function parseDashboardBody(text: string): DashboardParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!isRecord(value)) return { ok: false, message: 'The body is not a JSON object.' };
  const widgets = value['widgets'];
  if (!Array.isArray(widgets)) return { ok: false, message: 'The body has no "widgets" array.' };
  for (const [index, widget] of widgets.entries()) {
    const problem = widgetProblem(widget);
    if (problem) return { ok: false, message: `Widget ${index + 1} ${problem}.` };
  }
  return { ok: true, dashboard: { fields: value, widgets: widgets as DashboardWidgetEntry[] } };
}

function widgetProblem(widget: unknown): string | undefined {
  if (!isRecord(widget)) return 'is not an object';
  if (typeof widget['type'] !== 'string') return 'has no "type"';
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    const value = widget[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) return `has a "${key}" that is not a whole number`;
  }
  if (widget['properties'] !== undefined && !isRecord(widget['properties'])) return 'has "properties" that are not an object';
  return undefined;
}

/**
 * The body with `widget` added under every other widget, full width unless it says otherwise; every
 * other field and widget is kept exactly. Throws when the dashboard is full.
 */
export function withWidgetAdded(dashboard: ParsedDashboard, widget: DashboardWidgetEntry): string {
  if (dashboard.widgets.length >= DASHBOARD_MAX_WIDGETS) {
    throw new RangeError(`The dashboard already has ${DASHBOARD_MAX_WIDGETS} widgets, the most CloudWatch allows.`);
  }
  const bottom = dashboard.widgets.reduce((lowest, entry) => Math.max(lowest, (entry.y ?? 0) + (entry.height ?? 6)), 0);
  const placed: DashboardWidgetEntry = { ...widget, x: widget.x ?? 0, y: bottom, width: widget.width ?? DASHBOARD_COLUMNS, height: widget.height ?? 6 };
  return JSON.stringify({ ...dashboard.fields, widgets: [...dashboard.widgets, placed] });
}

/** A new dashboard holding only `widget`. */
export function newDashboardBody(widget: DashboardWidgetEntry): string {
  return withWidgetAdded({ fields: {}, widgets: [] }, widget);
}

// ---------------------------------------------------------------------------------------------
// Metric widgets

export interface WidgetRowOptions {
  readonly id?: string;
  readonly label?: string;
  readonly stat?: string;
  readonly period?: number;
  readonly color?: string;
  readonly yAxis?: 'left' | 'right';
  /** false: the row is an input of expressions, not drawn. */
  readonly visible?: boolean;
  readonly region?: string;
  readonly accountId?: string;
}

export type WidgetRow =
  | {
      readonly kind: 'metric';
      readonly namespace: string;
      readonly metricName: string;
      readonly dimensions: readonly { readonly name: string; readonly value: string }[];
      readonly options: WidgetRowOptions;
    }
  | { readonly kind: 'expression'; readonly expression: string; readonly options: WidgetRowOptions };

export type WidgetRowsParse = { readonly ok: true; readonly rows: readonly WidgetRow[] } | { readonly ok: false; readonly message: string };

/** The rows of a metric widget's `metrics` property, with "." and "..." expanded. */
export function readWidgetRows(metrics: unknown): WidgetRowsParse {
  if (!Array.isArray(metrics)) return { ok: false, message: '"metrics" is not an array' };
  const rows: WidgetRow[] = [];
  let previous: readonly string[] = [];
  for (const [index, raw] of metrics.entries()) {
    if (!Array.isArray(raw)) return { ok: false, message: `metric ${index + 1} is not an array` };
    const last = raw[raw.length - 1];
    const options = isRecord(last) ? (last as Record<string, unknown>) : undefined;
    const items = options ? raw.slice(0, -1) : raw;
    if (options && typeof options['expression'] === 'string' && items.length === 0) {
      rows.push({ kind: 'expression', expression: options['expression'], options: rowOptions(options) });
      continue;
    }
    const expanded: string[] = [];
    for (const [position, item] of items.entries()) {
      if (typeof item !== 'string') return { ok: false, message: `metric ${index + 1} has an item that is not text` };
      if (item === '...') {
        expanded.push(...previous.slice(expanded.length, previous.length - (items.length - position - 1)));
      } else if (item === '.') {
        const repeated = previous[expanded.length];
        if (repeated === undefined) return { ok: false, message: `metric ${index + 1} repeats (".") an item the metric before it does not have` };
        expanded.push(repeated);
      } else {
        expanded.push(item);
      }
    }
    const [namespace, metricName, ...pairs] = expanded;
    if (!namespace || !metricName) return { ok: false, message: `metric ${index + 1} needs a namespace and a metric name` };
    if (pairs.length % 2 !== 0) return { ok: false, message: `metric ${index + 1} has a dimension name without a value` };
    const dimensions = [];
    for (let at = 0; at < pairs.length; at += 2) dimensions.push({ name: pairs[at] as string, value: pairs[at + 1] as string });
    rows.push({ kind: 'metric', namespace, metricName, dimensions, options: rowOptions(options ?? {}) });
    previous = expanded;
  }
  return { ok: true, rows };
}

function rowOptions(raw: Record<string, unknown>): WidgetRowOptions {
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const yAxis = raw['yAxis'] === 'right' || raw['yAxis'] === 'left' ? raw['yAxis'] : undefined;
  return {
    id: text('id'),
    label: text('label'),
    stat: text('stat'),
    period: typeof raw['period'] === 'number' ? raw['period'] : undefined,
    color: text('color'),
    yAxis,
    visible: typeof raw['visible'] === 'boolean' ? raw['visible'] : undefined,
    region: text('region'),
    accountId: text('accountId'),
  };
}

/** Rows as a `metrics` property, the way the console writes them (no "." shorthand: plain to read and diff). */
export function writeWidgetRows(rows: readonly WidgetRow[]): unknown[][] {
  return rows.map((row) => {
    const options = Object.fromEntries(Object.entries(row.options).filter(([, value]) => value !== undefined));
    if (row.kind === 'expression') return [{ expression: row.expression, ...options }];
    const items: unknown[] = [row.namespace, row.metricName, ...row.dimensions.flatMap((dimension) => [dimension.name, dimension.value])];
    return Object.keys(options).length > 0 ? [...items, options] : items;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
