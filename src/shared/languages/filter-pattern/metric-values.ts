/**
 * What a metric filter may publish from a pattern: its metric value (a number, `$.path` of a JSON pattern or
 * `$field` of a space-delimited one) and its dimensions, checked against the pattern as AWS checks them
 * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html and
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntaxForMetricFilters.html).
 * The sandbox refuses a PutMetricFilter with these reasons; the app shows them as the person types.
 */
import { METRIC_FILTER_MAX_DIMENSIONS } from '../../contract/logs-rules';
import type { FilterPattern, SelectorStep } from './ast';
import { selectValues } from './json-selector';
import { extractFields, parseJsonObject } from './match';
import { parseFilterPattern } from './parse';

/** A `$.path` or `$field` reference to a value the pattern extracts. */
export type FieldReference = { readonly kind: 'json'; readonly steps: readonly SelectorStep[] } | { readonly kind: 'field'; readonly key: string };

/**
 * Reads a `$...` reference against the pattern, or returns why it cannot be extracted: JSON paths need a
 * JSON pattern, field names a space-delimited pattern that names that field.
 */
export function readFieldReference(text: string, pattern: FilterPattern): FieldReference | string {
  if (text.startsWith('$.')) {
    if (pattern.kind !== 'json') return `${text} is a JSON path, but the filter pattern is not a JSON pattern`;
    // The shared parser reads the selector; wrapping it in a condition is the one way in.
    const parsed = parseFilterPattern(`{ ${text} IS NULL }`);
    if (!parsed.ok || parsed.pattern.kind !== 'json' || parsed.pattern.expression.type !== 'condition') return `${text} is not a valid JSON path`;
    return { kind: 'json', steps: parsed.pattern.expression.selector.steps };
  }
  if (pattern.kind !== 'delimited') return `${text} names a field, but the filter pattern is not a space-delimited pattern`;
  const name = text.slice(1);
  const named = pattern.slots.some((slot) => slot.type === 'field' && slot.name === name);
  if (!named) return `${text} is not a field of the filter pattern`;
  return { kind: 'field', key: text };
}

/** Why a metric value cannot be published from this pattern, or undefined when it can. */
export function metricValueProblem(metricValue: string, pattern: FilterPattern): string | undefined {
  if (metricValue.startsWith('$')) {
    const reference = readFieldReference(metricValue, pattern);
    return typeof reference === 'string' ? reference : undefined;
  }
  if (metricValue.trim() === '' || !Number.isFinite(Number(metricValue))) return `${metricValue} is neither a number nor a $field or $.path of the filter pattern`;
  return undefined;
}

/** A problem with a filter's dimensions: of one of them (`dimension`, its name) or of the set. */
export interface DimensionsProblem {
  readonly dimension?: string;
  readonly message: string;
}

/** Why these dimensions cannot be published with this pattern (and default value), or undefined when they can. */
export function dimensionsProblem(
  dimensions: Readonly<Record<string, string>> | undefined,
  defaultValue: number | undefined,
  pattern: FilterPattern,
): DimensionsProblem | undefined {
  const entries = Object.entries(dimensions ?? {});
  if (entries.length === 0) return undefined;
  if (pattern.kind !== 'json' && pattern.kind !== 'delimited') return { message: 'The specified filter pattern does not support dimensions' };
  if (entries.length > METRIC_FILTER_MAX_DIMENSIONS) return { message: `A metric filter can have at most ${METRIC_FILTER_MAX_DIMENSIONS} dimensions` };
  if (defaultValue !== undefined) return { message: 'A metric filter with dimensions cannot have a default value' };
  for (const [name, value] of entries) {
    const reference = value.startsWith('$') ? readFieldReference(value, pattern) : `${value} is not a $field or $.path`;
    if (typeof reference === 'string') return { dimension: name, message: reference };
  }
  return undefined;
}

/** What one log event makes a metric filter publish. */
export type Publication =
  | { readonly kind: 'datapoint'; readonly value: number; readonly matched: boolean; readonly dimensions: readonly { readonly name: string; readonly value: string }[] }
  | { readonly kind: 'nothing'; readonly reason: string };

/** A metric filter's transformation, as far as its datapoints go. */
export interface PublishedValueRules {
  readonly metricValue: string;
  readonly defaultValue?: number;
  readonly dimensions?: Readonly<Record<string, string>>;
}

/**
 * What each event makes the filter publish, as CloudWatch Logs does: a matching event the metric value (a
 * number, or the extracted field when it is numeric) with its dimensions, sorted by name; a non-matching
 * one the default value when the filter has one. The references are read once, so a caller can run it
 * over many events. Rules the pattern cannot satisfy publish nothing, with the reason.
 */
export function metricPublisher(rules: PublishedValueRules, pattern: FilterPattern): (message: string) => Publication {
  const valueReference = rules.metricValue.startsWith('$') ? readFieldReference(rules.metricValue, pattern) : undefined;
  const constant = valueReference === undefined ? Number(rules.metricValue) : undefined;
  const dimensionReferences = Object.entries(rules.dimensions ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, text]) => ({ name, text, reference: readFieldReference(text, pattern) }));
  return (message) => {
    const fields = extractFields(pattern, message);
    if (fields === null) {
      return rules.defaultValue === undefined ? { kind: 'nothing', reason: 'no match, and no default value' } : { kind: 'datapoint', value: rules.defaultValue, matched: false, dimensions: [] };
    }
    const root = pattern.kind === 'json' ? parseJsonObject(message) : undefined;
    let value = constant;
    if (typeof valueReference === 'string') return { kind: 'nothing', reason: valueReference };
    if (valueReference !== undefined) {
      const text = extractValue(valueReference, fields, root);
      value = numeric(text);
      if (value === undefined) return { kind: 'nothing', reason: text === undefined ? `${rules.metricValue} is missing` : `${rules.metricValue} is “${text}”, not a number` };
    }
    if (value === undefined || !Number.isFinite(value)) return { kind: 'nothing', reason: `${rules.metricValue} is not a number` };
    const dimensions: { name: string; value: string }[] = [];
    for (const { name, text, reference } of dimensionReferences) {
      if (typeof reference === 'string') return { kind: 'nothing', reason: reference };
      const dimensionValue = extractValue(reference, fields, root);
      // AWS publishes no datapoint when a dimension's field is missing from the event.
      if (dimensionValue === undefined || dimensionValue === '') return { kind: 'nothing', reason: `dimension ${name} (${text}) is missing` };
      dimensions.push({ name, value: dimensionValue });
    }
    return { kind: 'datapoint', value, matched: true, dimensions };
  };
}

/** The referenced value of a matching message, as text, or undefined when the message lacks it. */
function extractValue(reference: FieldReference, fields: Readonly<Record<string, string>>, root: unknown): string | undefined {
  if (reference.kind === 'field') return fields[reference.key];
  const [value] = selectValues(root, reference.steps);
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  return String(value);
}

function numeric(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
