/**
 * Metric filters: a log group's named patterns that turn ingested events into CloudWatch datapoints.
 * Values and dimensions come from the pattern's fields: `$name` for space-delimited patterns, `$.path`
 * for JSON ones (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html).
 */
import { extractFields, metricPublisher, selectValues, type FilterPattern, type SelectorStep } from '../../../shared/languages/filter-pattern';
import { assignFields, parseJsonObject } from '../../../shared/languages/filter-pattern/match';
import type { MetricsStore } from '../cloudwatch/store';
import type { StoredEvent } from './stream-events';

export interface MetricTransformation {
  readonly metricName: string;
  readonly metricNamespace: string;
  readonly metricValue: string;
  readonly defaultValue?: number;
  readonly dimensions?: Readonly<Record<string, string>>;
  readonly unit?: string;
}

export interface MetricFilter {
  readonly filterName: string;
  readonly filterPattern: string;
  readonly pattern: FilterPattern;
  readonly transformation: MetricTransformation;
  readonly creationTime: number;
}

/**
 * TestMetricFilter's `extractedValues`: for a space-delimited pattern every field by 1-based position
 * (`$1`, `$2`, …); for a JSON pattern each property selector the pattern tests, keyed as written
 * (`$.errorCode`); none for other patterns. Null when the message does not match.
 */
export function extractedValues(pattern: FilterPattern, message: string): Record<string, string> | null {
  const fields = extractFields(pattern, message);
  if (fields === null) return null;
  const values: Record<string, string> = {};
  if (pattern.kind === 'delimited') {
    for (const field of assignFields(pattern, message) ?? []) values[`$${field.position}`] = field.value;
  } else if (pattern.kind === 'json') {
    const root = parseJsonObject(message);
    for (const selector of jsonSelectors(pattern.expression)) {
      const [value] = selectValues(root, selector.steps);
      if (value !== undefined) values[selector.text] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return values;
}

function jsonSelectors(expression: Extract<FilterPattern, { kind: 'json' }>['expression']): { text: string; steps: readonly SelectorStep[] }[] {
  if (expression.type === 'condition') return [expression.selector];
  return expression.operands.flatMap(jsonSelectors);
}

/**
 * Emits the datapoints of newly ingested events, as the shared `metricPublisher` says, each stamped with
 * its event's timestamp (whole minutes).
 */
export function emitMetricFilterData(filters: Iterable<MetricFilter>, events: readonly StoredEvent[], metrics: MetricsStore, now: number): void {
  for (const filter of filters) {
    const { transformation } = filter;
    const publish = metricPublisher(transformation, filter.pattern);
    for (const event of events) {
      const published = publish(event.message);
      if (published.kind !== 'datapoint') continue;
      const dimensions = published.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value }));
      const identity = { namespace: transformation.metricNamespace, metricName: transformation.metricName, dimensions };
      const timestamp = Math.floor(event.timestamp / 60_000) * 60_000;
      metrics.obtain(identity, now).add({ timestamp, unit: transformation.unit ?? 'None', values: [published.value] }, now);
    }
  }
}

/** How DescribeMetricFilters shows a filter. */
export function describeMetricFilter(filter: MetricFilter, logGroupName: string): Record<string, unknown> {
  const t = filter.transformation;
  return {
    filterName: filter.filterName,
    filterPattern: filter.filterPattern,
    metricTransformations: [
      {
        metricName: t.metricName,
        metricNamespace: t.metricNamespace,
        metricValue: t.metricValue,
        ...(t.defaultValue === undefined ? {} : { defaultValue: t.defaultValue }),
        ...(t.dimensions === undefined ? {} : { dimensions: t.dimensions }),
        ...(t.unit === undefined ? {} : { unit: t.unit }),
      },
    ],
    creationTime: filter.creationTime,
    logGroupName,
    applyOnTransformedLogs: false,
  };
}
