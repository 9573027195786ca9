/** PutMetricFilter, DescribeMetricFilters, DeleteMetricFilter and TestMetricFilter. */
import { dimensionsProblem, metricValueProblem, parseFilterPattern, type FilterPattern } from '../../../../shared/languages/filter-pattern';
import {
  DESCRIBE_PAGE_LIMIT,
  FILTER_PATTERN_MAX_LENGTH,
  LOG_GROUP_NAME,
  METRIC_FILTER_METRIC_TEXT,
  METRIC_FILTER_NAME,
  METRIC_FILTERS_PER_GROUP,
  TEST_METRIC_FILTER_MAX_MESSAGES,
} from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import type { InputReader } from '../../../core/validation';
import { STANDARD_UNITS } from '../../cloudwatch/common';
import { METRICS_STORE } from '../../cloudwatch/store';
import { invalidNextToken, invalidParameter, readLogsInput, requireGroup } from '../common';
import { describeMetricFilter, extractedValues, type MetricFilter, type MetricTransformation } from '../metric-filters';
import { LOGS_STORE, type LogGroup } from '../store';
import { decodeCursor, encodeCursor } from '../tokens';

const FILTER_NAME = METRIC_FILTER_NAME;
const METRIC_NAME = METRIC_FILTER_METRIC_TEXT;

export function putMetricFilter(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const filterName = input.string('filterName', { ...FILTER_NAME, required: true }) as string;
  const patternText = input.string('filterPattern', { min: 0, max: FILTER_PATTERN_MAX_LENGTH, required: true }) as string;
  const [item] = input.structureList('metricTransformations', { required: true, minItems: 1, maxItems: 1 }) ?? [];
  const fields = item === undefined ? undefined : readTransformation(item);
  input.boolean('applyOnTransformedLogs');
  input.string('fieldSelectionCriteria', { min: 0, max: 2000 });
  input.stringList('emitSystemFieldDimensions');
  input.finish();

  const group = requireGroup(context, groupName);
  const pattern = parsePattern(patternText);
  const transformation = checkTransformation(fields as MetricTransformation, pattern);
  if (!group.metricFilters.has(filterName) && group.metricFilters.size >= METRIC_FILTERS_PER_GROUP) {
    throw new ServiceError('LimitExceededException', 'Resource limit exceeded.');
  }
  // A put with an existing name replaces that filter; it keeps its place and gets a new creation time.
  const filter: MetricFilter = { filterName, filterPattern: patternText, pattern, transformation, creationTime: context.now };
  group.metricFilters.set(filterName, filter);
  context.state.store(LOGS_STORE).attachMetrics(context.state.store(METRICS_STORE));
  return {};
}

function readTransformation(item: InputReader): MetricTransformation {
  const metricName = item.string('metricName', { ...METRIC_NAME, required: true }) as string;
  const metricNamespace = item.string('metricNamespace', { ...METRIC_NAME, required: true }) as string;
  const metricValue = item.string('metricValue', { max: 100, required: true }) as string;
  const defaultValue = item.double('defaultValue');
  const dimensions = item.stringMap('dimensions', { key: { max: 255 }, value: { max: 255 } });
  const unit = item.string('unit', { oneOf: STANDARD_UNITS });
  return {
    metricName,
    metricNamespace,
    metricValue,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(dimensions === undefined ? {} : { dimensions }),
    ...(unit === undefined ? {} : { unit }),
  };
}

function parsePattern(text: string): FilterPattern {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw invalidParameter(`Invalid metric filter pattern: ${parsed.error.message}`);
  return parsed.pattern;
}

/** The rules of https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_MetricTransformation.html */
function checkTransformation(transformation: MetricTransformation, pattern: FilterPattern): MetricTransformation {
  const valueProblem = metricValueProblem(transformation.metricValue, pattern);
  if (valueProblem !== undefined) throw invalidParameter(`Invalid metric value: ${valueProblem}.`);
  const problem = dimensionsProblem(transformation.dimensions, transformation.defaultValue, pattern);
  if (problem !== undefined) throw invalidParameter(problem.dimension === undefined ? `${problem.message}.` : `Invalid dimension ${problem.dimension}: ${problem.message}.`);
  return transformation;
}

interface FilterCursor {
  readonly group: string;
  readonly filter: string;
}

/**
 * Lists filters by log group name, then filter name. Without a group it spans the region's groups;
 * `filterNamePrefix` needs a group, and `metricName` and `metricNamespace` go together.
 */
export function describeMetricFilters(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', LOG_GROUP_NAME);
  const prefix = input.string('filterNamePrefix', FILTER_NAME);
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: DESCRIBE_PAGE_LIMIT }) ?? DESCRIBE_PAGE_LIMIT;
  const metricName = input.string('metricName', METRIC_NAME);
  const metricNamespace = input.string('metricNamespace', METRIC_NAME);
  input.finish();

  if (prefix !== undefined && groupName === undefined) throw invalidParameter('filterNamePrefix requires logGroupName.');
  if ((metricName === undefined) !== (metricNamespace === undefined)) {
    throw invalidParameter('metricName and metricNamespace must be specified together.');
  }
  const after = nextToken === undefined ? undefined : decodeCursor(nextToken, isFilterCursor);
  if (after !== undefined && groupName !== undefined && after.group !== groupName) throw invalidNextToken();
  const logs = context.state.store(LOGS_STORE);
  const groups: LogGroup[] = [];
  if (groupName !== undefined) groups.push(requireGroup(context, groupName));
  else {
    const names = logs.groupNames();
    const from = after === undefined ? 0 : logs.groupIndexOf(after.group);
    for (let index = from; index < names.length; index++) {
      const group = logs.group(names[index] as string);
      if (group !== undefined && group.metricFilters.size > 0) groups.push(group);
    }
  }

  const page: Record<string, unknown>[] = [];
  let last: FilterCursor | undefined;
  let hasMore = false;
  outer: for (const group of groups) {
    const filters = [...group.metricFilters.values()].sort((a, b) => (a.filterName < b.filterName ? -1 : a.filterName > b.filterName ? 1 : 0));
    for (const filter of filters) {
      if (after !== undefined && (group.name < after.group || (group.name === after.group && filter.filterName <= after.filter))) continue;
      if (prefix !== undefined && !filter.filterName.startsWith(prefix)) continue;
      const t = filter.transformation;
      if (metricName !== undefined && (t.metricName !== metricName || t.metricNamespace !== metricNamespace)) continue;
      if (page.length === limit) {
        hasMore = true;
        break outer;
      }
      page.push(describeMetricFilter(filter, group.name));
      last = { group: group.name, filter: filter.filterName };
    }
  }
  return { metricFilters: page, ...(hasMore && last !== undefined ? { nextToken: encodeCursor(last) } : {}) };
}

function isFilterCursor(value: unknown): value is FilterCursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  return typeof cursor.group === 'string' && typeof cursor.filter === 'string';
}

export function deleteMetricFilter(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const filterName = input.string('filterName', { ...FILTER_NAME, required: true }) as string;
  input.finish();
  const group = requireGroup(context, groupName);
  if (!group.metricFilters.delete(filterName)) {
    throw new ServiceError('ResourceNotFoundException', 'The specified metric filter does not exist.');
  }
  return {};
}

/** Each message the pattern matches, numbered from 1 in the order given, with the values it extracted. */
export function testMetricFilter(body: unknown): object {
  const input = readLogsInput(body);
  const patternText = input.string('filterPattern', { min: 0, max: FILTER_PATTERN_MAX_LENGTH, required: true }) as string;
  const messages = input.stringList('logEventMessages', { required: true, minItems: 1, maxItems: TEST_METRIC_FILTER_MAX_MESSAGES, item: { min: 1 } }) ?? [];
  input.finish();
  const pattern = parsePattern(patternText);
  const matches: object[] = [];
  messages.forEach((message, index) => {
    const values = extractedValues(pattern, message);
    if (values !== null) matches.push({ eventNumber: index + 1, eventMessage: message, extractedValues: values });
  });
  return { matches };
}
