/**
 * CloudWatch metrics: listing metrics, their data (GetMetricData, with metric math) and dashboards.
 * Times are epoch milliseconds; periods are seconds, as in the CloudWatch API.
 */
import { z } from 'zod';
import { parseMetricMath, queryIdError } from '../languages/metric-math';
import { GET_METRIC_DATA_MAX_DATAPOINTS, GET_METRIC_DATA_MAX_QUERIES, periodError } from '../metric-periods';
import { parseStatistic } from '../metric-statistics';
import { response, stream, unary } from '../rpc';
import { Timestamp } from './primitives';

/** ListMetrics returns at most 500 metrics per page. */
export const LIST_METRICS_PAGE_SIZE = 500;
/** ListMetrics accepts at most 10 dimension filters; a metric has at most 30 dimensions. */
export const LIST_METRICS_MAX_DIMENSION_FILTERS = 10;
export const METRIC_MAX_DIMENSIONS = 30;
export { GET_METRIC_DATA_MAX_DATAPOINTS, GET_METRIC_DATA_MAX_QUERIES };
/**
 * What one graph may ask for in all: ten calls' worth of datapoints. Past that the app refuses with a
 * sentence (a longer period or a shorter range says the same on a screen a few thousand pixels wide).
 */
export const METRICS_MAX_DATAPOINTS_PER_GRAPH = 10 * GET_METRIC_DATA_MAX_DATAPOINTS;
/** Queries beyond 500 are split over several calls; this many in all at most. */
export const METRICS_MAX_QUERIES_PER_GRAPH = 2_000;
/** Dashboard bodies are at most 1 MB (PutDashboard). */
export const DASHBOARD_BODY_MAX_BYTES = 1_048_576;

/** CloudWatch's units (StandardUnit). */
export const STANDARD_UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;
export type StandardUnit = (typeof STANDARD_UNITS)[number];

export interface MetricDimension {
  readonly name: string;
  readonly value: string;
}

/** A metric as ListMetrics names it: its namespace, name and exact dimension set. */
export interface MetricDescriptor {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly MetricDimension[];
}

/** One page of `metrics.list`, with the totals so far (for progress). */
export interface MetricPage {
  readonly metrics: readonly MetricDescriptor[];
  /** Pages delivered so far, this one included. */
  readonly pages: number;
  /** Calls AWS throttled so far; they were retried, none skipped. */
  readonly throttled: number;
}

export type MetricDataStatus = 'Complete' | 'InternalError' | 'PartialData' | 'Forbidden';

/** One series of a GetMetricData answer, oldest point first. */
export interface MetricDataSeries {
  readonly id: string;
  readonly label: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  readonly status: MetricDataStatus;
  /** AWS's notes about this series, e.g. why data is partial or an expression's warning. */
  readonly messages: readonly string[];
}

export interface MetricData {
  /**
   * In the order of the queries that return data (ReturnData not false): one series each, or one per
   * metric found for a SEARCH expression (all with the expression's id, told apart by their labels).
   */
  readonly series: readonly MetricDataSeries[];
  /** AWS's notes about the whole answer. */
  readonly messages: readonly string[];
  /** GetMetricData calls it took (NextToken pages, and splits of more than 500 queries). */
  readonly calls: number;
}

export interface DashboardSummary {
  readonly name: string;
  readonly arn: string;
  readonly lastModified: number;
  readonly size: number;
}

export interface Dashboard {
  readonly name: string;
  readonly arn: string;
  /** The body exactly as stored: the app never rewrites what it cannot read. */
  readonly body: string;
}

export interface DashboardSaved {
  readonly name: string;
  /** How many widgets the dashboard has now. */
  readonly widgets: number;
  /** PutDashboard's DashboardValidationMessages: the dashboard was saved, but AWS noted these. */
  readonly warnings: readonly string[];
}

const MetricText = z.string().min(1).max(255);
export const Namespace = MetricText.regex(/^[^:]/, "may not start with ':'");
export const MetricName = MetricText;
export const DimensionName = MetricText;
export const DimensionValue = z.string().min(1).max(1024);

export const Dimension = z.object({ name: DimensionName, value: DimensionValue });

export const Metric = z
  .object({ namespace: Namespace, metricName: MetricName, dimensions: z.array(Dimension).max(METRIC_MAX_DIMENSIONS).default([]) })
  .refine((metric) => new Set(metric.dimensions.map((dimension) => dimension.name)).size === metric.dimensions.length, {
    message: 'a metric cannot have the same dimension twice',
  });

/** A custom zod check from one of the shared rules that returns why a value is refused. */
function checkedBy<T>(problem: (value: T) => string | undefined) {
  return (value: T, context: z.RefinementCtx) => {
    const message = problem(value);
    if (message !== undefined) context.addIssue({ code: 'custom', message });
  };
}

/** A GetMetricData query id: a lowercase first letter, then letters, digits and underscores. */
export const MetricQueryId = z.string().superRefine(checkedBy(queryIdError));

/** A period in seconds: 1, 5, 10, 20, 30, or any multiple of 60. */
export const Period = z.number().superRefine(checkedBy(periodError));

/** Any statistic CloudWatch knows (Average, p99.9, TM(10%:90%), IQM…). */
export const Statistic = z.string().superRefine(checkedBy((text: string) => {
  const parsed = parseStatistic(text);
  return parsed.ok ? undefined : parsed.message;
}));

/** A metric math expression, checked by the shared parser; the mistake's position is in the message. */
export const MetricExpression = z.string().superRefine(checkedBy((text: string) => {
  const parsed = parseMetricMath(text);
  return parsed.ok ? undefined : `${parsed.error.message} (at character ${parsed.error.start + 1})`;
}));

export const MetricQuery = z
  .object({
    id: MetricQueryId,
    /** A metric and how to aggregate it, or… */
    metricStat: z.object({ metric: Metric, period: Period, stat: Statistic, unit: z.enum(STANDARD_UNITS).optional() }).optional(),
    /** …a metric math expression over other queries' ids (or a SEARCH). */
    expression: MetricExpression.optional(),
    /** CloudWatch's label, dynamic labels such as `${PROP('Dim.FunctionName')}` and `${MAX}` included. */
    label: z.string().max(1024).optional(),
    /** false: an input of expressions, not returned itself. */
    returnData: z.boolean().default(true),
    /** For expressions: the period they are evaluated at. */
    period: Period.optional(),
  })
  .refine((query) => (query.metricStat === undefined) !== (query.expression === undefined), {
    message: 'give a query either a metric (metricStat) or an expression, not both',
  });
export type MetricQuery = z.input<typeof MetricQuery>;

export const MetricDataRequest = z
  .object({
    queries: z.array(MetricQuery).min(1).max(METRICS_MAX_QUERIES_PER_GRAPH),
    startTime: Timestamp,
    endTime: Timestamp,
    /** The time zone of dynamic labels' times, as `+hhmm` / `-hhmm` (LabelOptions.Timezone). */
    labelTimezone: z
      .string()
      .regex(/^[+-]\d{4}$/, 'must be an offset such as +0130 or -0500')
      .optional(),
  })
  .refine((request) => request.startTime < request.endTime, { message: 'the start of the range must be before its end' })
  .refine((request) => new Set(request.queries.map((query) => query.id)).size === request.queries.length, {
    message: 'every query needs its own id',
  });
export type MetricDataRequest = z.input<typeof MetricDataRequest>;

/** Dashboard names: up to 255 letters, digits, '-' and '_' (PutDashboard). */
export const DashboardName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, '-' and '_'");

/** One widget of a dashboard body, as CloudWatch's dashboard body structure describes it. */
export const DashboardWidget = z
  .object({
    type: z.string().min(1),
    x: z.number().int().min(0).max(23).optional(),
    y: z.number().int().min(0).optional(),
    width: z.number().int().min(1).max(24).optional(),
    height: z.number().int().min(1).max(1000).optional(),
    properties: z.record(z.string(), z.unknown()),
  });

export const metricsContract = {
  /**
   * Every metric that fits the filters (ListMetrics, 500 a page), paced under the scope's ListMetrics
   * quota and retried when throttled, a page at a time until all are loaded or the caller stops.
   */
  list: stream(
    z.object({
      namespace: Namespace.optional(),
      metricName: MetricName.optional(),
      /** A filter with no value matches every value of that dimension. */
      dimensions: z.array(z.object({ name: DimensionName, value: DimensionValue.optional() })).max(LIST_METRICS_MAX_DIMENSION_FILTERS).optional(),
      /** Only metrics with data in the past three hours (RecentlyActive PT3H). */
      recentlyActive: z.boolean().default(false),
    }),
    response<MetricPage>(),
  ),
  /**
   * The data of a graph (GetMetricData): every NextToken page read and merged, more than 500 queries
   * split over several calls (when no expression refers across them), and a request past
   * METRICS_MAX_DATAPOINTS_PER_GRAPH refused with a sentence before any call.
   */
  getData: unary(MetricDataRequest, response<MetricData>()),
  listDashboards: unary(z.object({ prefix: z.string().max(255).optional() }), response<{ readonly dashboards: readonly DashboardSummary[] }>()),
  getDashboard: unary(z.object({ name: DashboardName }), response<Dashboard>()),
  /**
   * Adds a widget to a dashboard: read fresh, the widget appended below the others, written back, so
   * nothing else on it is lost. `create`: the dashboard must not exist yet. A body the app cannot read
   * is refused, never overwritten.
   */
  addWidget: unary(
    z.object({ name: DashboardName, widget: DashboardWidget, create: z.boolean().default(false) }),
    response<DashboardSaved>(),
  ),
} as const;
