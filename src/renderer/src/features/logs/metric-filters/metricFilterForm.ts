/**
 * The metric filter form as data: a draft (text as typed), what is wrong with it field by field (the
 * pattern with its position, the metric value and dimensions with the reason the pattern cannot extract
 * them, as AWS would refuse them), and the request it makes once nothing is.
 */
import { STANDARD_UNITS, type MetricFilter, type StandardUnit } from '../../../../../shared/contract';
import { METRIC_FILTER_MAX_DIMENSIONS, METRIC_FILTER_METRIC_TEXT, METRIC_FILTER_NAME } from '../../../../../shared/contract/logs-rules';
import { dimensionsProblem, metricValueProblem, parseFilterPattern, type FilterPattern } from '../../../../../shared/languages/filter-pattern';

export interface DimensionDraft {
  readonly name: string;
  readonly value: string;
}

export interface MetricFilterDraft {
  readonly filterName: string;
  readonly filterPattern: string;
  readonly metricNamespace: string;
  readonly metricName: string;
  readonly metricValue: string;
  /** As typed; empty: none. */
  readonly defaultValue: string;
  /** Empty: none (AWS stores None). */
  readonly unit: StandardUnit | '';
  readonly dimensions: readonly DimensionDraft[];
}

export type DraftField = 'filterName' | 'filterPattern' | 'metricNamespace' | 'metricName' | 'metricValue' | 'defaultValue' | 'dimensions';

export interface PutMetricFilterRequest {
  readonly logGroupName: string;
  readonly filterName: string;
  readonly filterPattern: string;
  readonly transformation: MetricFilter['transformation'];
}

export interface DraftCheck {
  /** One sentence per field that is wrong. */
  readonly errors: Partial<Record<DraftField, string>>;
  /** The sentence of a dimension row (by index) that is wrong. */
  readonly dimensionErrors: ReadonlyMap<number, string>;
  /** The parsed pattern, when it parses. */
  readonly pattern?: FilterPattern;
  /** Set only when nothing is wrong. */
  readonly request?: PutMetricFilterRequest;
}

export function emptyDraft(): MetricFilterDraft {
  return { filterName: '', filterPattern: '', metricNamespace: 'LogMetrics', metricName: '', metricValue: '1', defaultValue: '', unit: '', dimensions: [] };
}

export function draftOf(filter: MetricFilter): MetricFilterDraft {
  const t = filter.transformation;
  return {
    filterName: filter.filterName,
    filterPattern: filter.filterPattern,
    metricNamespace: t.metricNamespace,
    metricName: t.metricName,
    metricValue: t.metricValue,
    defaultValue: t.defaultValue === undefined ? '' : String(t.defaultValue),
    unit: t.unit === undefined || t.unit === 'None' ? '' : t.unit,
    dimensions: Object.entries(t.dimensions ?? {}).map(([name, value]) => ({ name, value })),
  };
}

interface CheckContext {
  readonly logGroupName: string;
  /** Names of the group's filters: a new filter may not take one (a put would replace that filter). */
  readonly existingNames: ReadonlySet<string>;
  /** Editing keeps the filter's name. */
  readonly editing: boolean;
}

export function checkDraft(draft: MetricFilterDraft, context: CheckContext): DraftCheck {
  const errors: Partial<Record<DraftField, string>> = {};
  const dimensionErrors = new Map<number, string>();

  const name = draft.filterName;
  if (name === '') errors.filterName = 'Give the filter a name.';
  else if (name.length > METRIC_FILTER_NAME.max) errors.filterName = `The name is ${name.length} characters; at most ${METRIC_FILTER_NAME.max}.`;
  else if (!METRIC_FILTER_NAME.pattern.test(name)) errors.filterName = `The name ${METRIC_FILTER_NAME.patternMessage}.`;
  else if (!context.editing && context.existingNames.has(name)) errors.filterName = 'This group has a filter of that name: saving would replace it. Edit that one, or choose another name.';

  for (const [field, label] of [
    ['metricNamespace', 'namespace'],
    ['metricName', 'metric name'],
  ] as const) {
    const text = draft[field];
    if (text.trim() === '') errors[field] = `Give the ${label}.`;
    else if (text.length > METRIC_FILTER_METRIC_TEXT.max) errors[field] = `The ${label} is ${text.length} characters; at most ${METRIC_FILTER_METRIC_TEXT.max}.`;
    else if (!METRIC_FILTER_METRIC_TEXT.pattern.test(text)) errors[field] = `The ${label} ${METRIC_FILTER_METRIC_TEXT.patternMessage}.`;
  }

  const defaultValue = draft.defaultValue.trim() === '' ? undefined : Number(draft.defaultValue);
  if (defaultValue !== undefined && !Number.isFinite(defaultValue)) errors.defaultValue = `${draft.defaultValue} is not a number.`;

  const dimensions: Record<string, string> = {};
  draft.dimensions.forEach((dimension, index) => {
    if (dimension.name.trim() === '' && dimension.value.trim() === '') return;
    if (dimension.name.trim() === '') dimensionErrors.set(index, 'Give the dimension a name.');
    else if (dimension.name in dimensions) dimensionErrors.set(index, `${dimension.name} is already a dimension.`);
    else dimensions[dimension.name] = dimension.value;
  });
  if (Object.keys(dimensions).length > METRIC_FILTER_MAX_DIMENSIONS) errors.dimensions = `A metric filter can have at most ${METRIC_FILTER_MAX_DIMENSIONS} dimensions.`;

  const parsed = parseFilterPattern(draft.filterPattern);
  if (!parsed.ok) {
    errors.filterPattern = `${parsed.error.message} (character ${parsed.error.offset + 1})`;
    return { errors, dimensionErrors };
  }
  const pattern = parsed.pattern;
  if (draft.metricValue.trim() === '') errors.metricValue = 'Give the value to publish: 1 to count matches, or a $field / $.path of the pattern.';
  else {
    const problem = metricValueProblem(draft.metricValue, pattern);
    if (problem !== undefined) errors.metricValue = `${problem}.`;
  }
  const problem = dimensionsProblem(dimensions, defaultValue, pattern);
  if (problem !== undefined) {
    const index = problem.dimension === undefined ? -1 : draft.dimensions.findIndex((dimension) => dimension.name === problem.dimension);
    if (index >= 0) dimensionErrors.set(index, `${problem.message}.`);
    else errors.dimensions ??= `${problem.message}.`;
  }

  if (Object.keys(errors).length > 0 || dimensionErrors.size > 0) return { errors, dimensionErrors, pattern };
  return {
    errors,
    dimensionErrors,
    pattern,
    request: {
      logGroupName: context.logGroupName,
      filterName: name,
      filterPattern: draft.filterPattern,
      transformation: {
        metricNamespace: draft.metricNamespace,
        metricName: draft.metricName,
        metricValue: draft.metricValue,
        ...(defaultValue === undefined ? {} : { defaultValue }),
        ...(Object.keys(dimensions).length === 0 ? {} : { dimensions }),
        ...(draft.unit === '' ? {} : { unit: draft.unit }),
      },
    },
  };
}

/** The units a filter's metric can have, for the form's list (None first: no unit). */
export const FILTER_UNITS: readonly StandardUnit[] = STANDARD_UNITS;
