/**
 * CloudWatch Logs metric filters: a log group's named patterns that turn the events ingested after the
 * filter exists into CloudWatch metric datapoints (never retroactively). Times are epoch milliseconds.
 */
import { z } from 'zod';
import { dimensionsProblem, metricValueProblem, parseFilterPattern } from '../languages/filter-pattern';
import { response, unary } from '../rpc';
import { FilterPattern } from './logs';
import { LOG_GROUP_NAME, METRIC_FILTER_MAX_DIMENSIONS, METRIC_FILTER_METRIC_TEXT, METRIC_FILTER_NAME } from './logs-rules';
import { STANDARD_UNITS } from './metrics';
import { stringOf } from './primitives';

export { METRIC_FILTER_MAX_DIMENSIONS, METRIC_FILTERS_PER_GROUP, TEST_METRIC_FILTER_MAX_MESSAGES } from './logs-rules';

/**
 * How many lines one `metricFilters.test` takes: main sends them to TestMetricFilter
 * TEST_METRIC_FILTER_MAX_MESSAGES at a time, one call after another.
 */
export const METRIC_FILTER_TEST_MAX_LINES = 500;

export const MetricFilterName = stringOf(METRIC_FILTER_NAME);
/** A metric filter's metric name or namespace. */
const MetricText = stringOf(METRIC_FILTER_METRIC_TEXT).min(1);

export const MetricTransformation = z.object({
  metricName: MetricText,
  metricNamespace: MetricText,
  /** A number, `$.path` (JSON patterns) or `$field` (space-delimited patterns). */
  metricValue: z.string().min(1).max(100),
  defaultValue: z.number().finite().optional(),
  /** Dimension name → `$.path` / `$field`; at most three. */
  dimensions: z
    .record(z.string().min(1).max(255), z.string().min(1).max(255))
    .refine((dimensions) => Object.keys(dimensions).length <= METRIC_FILTER_MAX_DIMENSIONS, `at most ${METRIC_FILTER_MAX_DIMENSIONS} dimensions`)
    .optional(),
  unit: z.enum(STANDARD_UNITS).optional(),
});
export type MetricTransformation = z.output<typeof MetricTransformation>;

export interface MetricFilter {
  readonly logGroupName: string;
  readonly filterName: string;
  readonly filterPattern: string;
  /** AWS allows exactly one transformation per filter. */
  readonly transformation: MetricTransformation;
  readonly creationTime: number;
  /** Only when AWS says: whether the filter also applies to transformed logs. */
  readonly applyOnTransformedLogs?: boolean;
}

/** One matching line of a TestMetricFilter: its number (1-based), the line, and the values the pattern extracted. */
export interface MetricFilterMatch {
  readonly eventNumber: number;
  readonly eventMessage: string;
  /** `$1`, `$field`, `$.path` → value, as AWS returns them. */
  readonly extractedValues: Readonly<Record<string, string>>;
}

const LogGroupName = stringOf(LOG_GROUP_NAME);

export const metricFiltersContract = {
  /** Metric filters (DescribeMetricFilters, every page): of one group, or of every group that emits a metric. */
  list: unary(
    z
      .object({
        logGroupName: LogGroupName.optional(),
        namePrefix: MetricFilterName.optional(),
        metricName: MetricText.optional(),
        metricNamespace: MetricText.optional(),
      })
      .refine((request) => (request.metricName === undefined) === (request.metricNamespace === undefined), {
        message: 'give the metric name and namespace together',
      })
      .refine((request) => request.namePrefix === undefined || request.logGroupName !== undefined, { message: 'a name prefix needs a log group' }),
    response<{ readonly filters: readonly MetricFilter[] }>(),
  ),
  /**
   * Creates or replaces a metric filter (PutMetricFilter). A metric value or dimension the pattern cannot
   * extract is refused here, with the reason, before any call (as AWS would refuse it).
   */
  put: unary(
    z
      .object({ logGroupName: LogGroupName, filterName: MetricFilterName, filterPattern: FilterPattern, transformation: MetricTransformation })
      .superRefine((request, context) => {
        const parsed = parseFilterPattern(request.filterPattern);
        if (!parsed.ok) return; // FilterPattern said where.
        const { metricValue, dimensions, defaultValue } = request.transformation;
        const valueProblem = metricValueProblem(metricValue, parsed.pattern);
        if (valueProblem !== undefined) context.addIssue({ code: 'custom', path: ['transformation', 'metricValue'], message: valueProblem });
        const problem = dimensionsProblem(dimensions, defaultValue, parsed.pattern);
        if (problem !== undefined) {
          context.addIssue({ code: 'custom', path: ['transformation', 'dimensions', ...(problem.dimension === undefined ? [] : [problem.dimension])], message: problem.message });
        }
      }),
    response<void>(),
  ),
  delete: unary(z.object({ logGroupName: LogGroupName, filterName: MetricFilterName }), response<void>()),
  /**
   * Which of these lines the pattern matches, with what it extracts (TestMetricFilter, 50 lines a call);
   * `eventNumber` counts from 1 over all the lines given.
   */
  test: unary(
    z.object({ filterPattern: FilterPattern, messages: z.array(z.string().min(1)).min(1).max(METRIC_FILTER_TEST_MAX_LINES) }),
    response<{ readonly matches: readonly MetricFilterMatch[] }>(),
  ),
} as const;
