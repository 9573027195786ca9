/**
 * Metric filters: a log group's named patterns that turn ingested events into CloudWatch datapoints.
 * Values and dimensions come from the pattern's fields: `$name` for space-delimited patterns, `$.path`
 * for JSON ones (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html).
 */
import { extractFields, readFieldReference, selectValues, type FieldReference, type FilterPattern, type SelectorStep } from '../../../shared/languages/filter-pattern';
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

/** The referenced value of a matching message, as text, or undefined when the message lacks it. */
export function extractValue(reference: FieldReference, fields: Readonly<Record<string, string>>, root: unknown): string | undefined {
  if (reference.kind === 'field') return fields[reference.key];
  const [value] = selectValues(root, reference.steps);
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
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
 * Emits the datapoints of newly ingested events, as CloudWatch Logs does: a matching event publishes the
 * metric value (a number, or the extracted field when it is numeric), a non-matching one the default value
 * when the filter has one. Each datapoint is stamped with its event's timestamp.
 */
export function emitMetricFilterData(filters: Iterable<MetricFilter>, events: readonly StoredEvent[], metrics: MetricsStore, now: number): void {
  for (const filter of filters) {
    const { transformation, pattern } = filter;
    const valueReference = transformation.metricValue.startsWith('$') ? readFieldReference(transformation.metricValue, pattern) : undefined;
    const dimensionReferences = Object.entries(transformation.dimensions ?? {}).map(([name, text]) => [name, readFieldReference(text, pattern)] as const);
    for (const event of events) {
      const fields = extractFields(pattern, event.message);
      let value: number | undefined;
      const dimensions: { Name: string; Value: string }[] = [];
      if (fields === null) {
        value = transformation.defaultValue;
      } else {
        const root = pattern.kind === 'json' ? parseJsonObject(event.message) : undefined;
        value = typeof valueReference === 'object' ? numeric(extractValue(valueReference, fields, root)) : Number(transformation.metricValue);
        for (const [name, reference] of dimensionReferences) {
          const dimensionValue = typeof reference === 'object' ? extractValue(reference, fields, root) : undefined;
          // AWS publishes no datapoint when a dimension's field is missing from the event.
          if (dimensionValue === undefined || dimensionValue === '') value = undefined;
          else dimensions.push({ Name: name, Value: dimensionValue });
        }
      }
      if (value === undefined || !Number.isFinite(value)) continue;
      dimensions.sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
      const identity = { namespace: transformation.metricNamespace, metricName: transformation.metricName, dimensions };
      const timestamp = Math.floor(event.timestamp / 60_000) * 60_000;
      metrics.obtain(identity, now).add({ timestamp, unit: transformation.unit ?? 'None', values: [value] }, now);
    }
  }
}

function numeric(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
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
