/**
 * CloudWatch Logs metric filters: a log group's named patterns that turn the events ingested after the
 * filter exists into CloudWatch metric datapoints (never retroactively). Times are epoch milliseconds.
 */
import { z } from 'zod';
import { response, unary } from '../rpc';
import { FilterPattern } from './logs';
import { LOG_GROUP_NAME, METRIC_FILTER_MAX_DIMENSIONS, METRIC_FILTER_METRIC_TEXT, METRIC_FILTER_NAME, TEST_METRIC_FILTER_MAX_MESSAGES } from './logs-rules';
import { STANDARD_UNITS } from './metrics';
import { stringOf } from './primitives';

export { METRIC_FILTER_MAX_DIMENSIONS, METRIC_FILTERS_PER_GROUP, TEST_METRIC_FILTER_MAX_MESSAGES } from './logs-rules';

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
      }),
    response<{ readonly filters: readonly MetricFilter[] }>(),
  ),
  /** Creates or replaces a metric filter (PutMetricFilter). */
  put: unary(
    z.object({ logGroupName: LogGroupName, filterName: MetricFilterName, filterPattern: FilterPattern, transformation: MetricTransformation }),
    response<void>(),
  ),
  delete: unary(z.object({ logGroupName: LogGroupName, filterName: MetricFilterName }), response<void>()),
  /** Which of these lines the pattern matches, with what it extracts (TestMetricFilter, 1–50 lines). */
  test: unary(
    z.object({ filterPattern: FilterPattern, messages: z.array(z.string().min(1)).min(1).max(TEST_METRIC_FILTER_MAX_MESSAGES) }),
    response<{ readonly matches: readonly MetricFilterMatch[] }>(),
  ),
} as const;
