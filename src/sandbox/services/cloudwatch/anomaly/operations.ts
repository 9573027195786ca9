/**
 * PutAnomalyDetector, DescribeAnomalyDetectors and DeleteAnomalyDetector (botocore cloudwatch/2010-08-01
 * service-2.json; the API reference of each). A detector models a metric and statistic — named by
 * SingleMetricAnomalyDetector or by the deprecated top-level Namespace/MetricName/Dimensions/Stat — or a metric
 * math expression (MetricMathAnomalyDetector, its designated query the one with ReturnData true). Putting the
 * same one again replaces its Configuration and MetricCharacteristics. At most 500 per region
 * (LimitExceededException); at most 10 excluded time ranges ("You can specify as many as 10 time ranges").
 */
import { parseStatistic } from '../../../../shared/metric-statistics';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { CloudWatchInput, decodeToken, encodeToken, invalidCombination, invalidValue, missingParameter, readDimensions, readNamespace } from '../common';
import { readQueries } from '../operations/get-metric-data';
import type { Dimension } from '../series';
import { METRICS_STORE } from '../store';
import { modelledBy } from './band';
import { isKnownTimeZone, TRAINING_WINDOW_MS, type TimeRange } from './model';
import {
  ANOMALY_DETECTORS_STORE,
  detectorIdOf,
  MAX_ANOMALY_DETECTORS,
  singleMetricKey,
  type AnomalyDetectorRecord,
  type AnomalyDetectorsStore,
  type AnomalyDetectorType,
  type SingleMetricDetector,
} from './store';

export const MAX_EXCLUDED_TIME_RANGES = 10;
export const DESCRIBE_ANOMALY_DETECTORS_MAX_RESULTS = 100;
const MAX_DETECTOR_IDS = 50;
const MAX_STAT_LENGTH = 50;
const MAX_TIMEZONE_LENGTH = 50;
/** "It takes up to 15 minutes for the actual anomaly detection band to appear" (Creating a graph). */
const PENDING_TRAINING_MS = 15 * 60_000;
/** A model trained on less than a day of data says TRAINED_INSUFFICIENT_DATA. */
const SUFFICIENT_TRAINING_HOURS = 24;
const DETECTOR_TYPES: readonly AnomalyDetectorType[] = ['SINGLE_METRIC', 'METRIC_MATH'];
/** The members of a MetricDataQuery a metric-math detector keeps and returns. */
const QUERY_MEMBERS = ['Id', 'MetricStat', 'Expression', 'Label', 'ReturnData', 'Period', 'AccountId'] as const;

function detectors(context: RequestContext): AnomalyDetectorsStore {
  return context.state.store(ANOMALY_DETECTORS_STORE);
}

/** What a request names: a detector's key and how to build it. */
interface Target {
  readonly key: string;
  readonly type: AnomalyDetectorType;
  readonly single?: SingleMetricDetector;
  readonly queries?: readonly Readonly<Record<string, unknown>>[];
}

const LEGACY_MEMBERS = ['Namespace', 'MetricName', 'Dimensions', 'Stat'] as const;

/** The detector Put and Delete name, in whichever of the three ways the request uses. */
function readTarget(input: CloudWatchInput, body: unknown): Target {
  const legacy = LEGACY_MEMBERS.filter((name) => input.has(name));
  const single = input.structure('SingleMetricAnomalyDetector');
  const math = input.structure('MetricMathAnomalyDetector');
  const ways = [legacy.length > 0, single !== undefined, math !== undefined].filter(Boolean).length;
  if (ways > 1) {
    throw invalidCombination(
      'Specify the metric in only one way: SingleMetricAnomalyDetector, MetricMathAnomalyDetector, or the Namespace, MetricName, Dimensions and Stat parameters.',
    );
  }
  if (math !== undefined) return readMathTarget(math, rawQueries(body));
  return readSingleTarget(single ?? input);
}

function readSingleTarget(input: CloudWatchInput): Target {
  const namespace = readNamespace(input, { required: true })!;
  const metricName = input.string('MetricName', { required: true, maxLength: 255 })!;
  const dimensions = readDimensions(input);
  const stat = input.string('Stat', { required: true, maxLength: MAX_STAT_LENGTH })!;
  const parsed = parseStatistic(stat);
  if (!parsed.ok) throw invalidValue(`The value ${stat} for parameter ${input.pathOf('Stat')} is not a valid statistic. ${parsed.message}`);
  const accountId = input.string('AccountId', { maxLength: 255 });
  return {
    key: singleMetricKey(namespace, metricName, dimensions, stat),
    type: 'SINGLE_METRIC',
    single: { namespace, metricName, dimensions, stat, accountId },
  };
}

/** MetricMathAnomalyDetector.MetricDataQueries as sent (each already checked to be a structure). */
function rawQueries(body: unknown): readonly Readonly<Record<string, unknown>>[] {
  const math = (body as { MetricMathAnomalyDetector?: { MetricDataQueries?: Readonly<Record<string, unknown>>[] } }).MetricMathAnomalyDetector;
  return math?.MetricDataQueries ?? [];
}

function readMathTarget(math: CloudWatchInput, raw: readonly Readonly<Record<string, unknown>>[]): Target {
  const items = math.structures('MetricDataQueries', { required: true })!;
  if (items.length === 0) throw missingParameter(math.pathOf('MetricDataQueries'));
  const queries = readQueries(items);
  const designated = queries.filter((query) => query.returnData);
  if (designated.length !== 1) {
    throw invalidValue(
      `Exactly one query in ${math.pathOf('MetricDataQueries')} must have ReturnData true: the expression the detector models (found ${designated.length}). Set ReturnData to false on the others.`,
    );
  }
  const target = designated[0]!;
  if (target.expression === undefined) throw invalidValue(`The query ${target.id} with ReturnData true must be a math expression; a single metric uses SingleMetricAnomalyDetector.`);
  const modelled = modelledBy(queries, target);
  if (typeof modelled === 'string') throw invalidValue(modelled);
  return { key: modelled.key, type: 'METRIC_MATH', queries: raw.map((query) => keptQuery(query)) };
}

/** A query as the detector keeps it: the members a MetricDataQuery has, as they were sent. */
function keptQuery(query: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const kept: Record<string, unknown> = {};
  for (const name of QUERY_MEMBERS) if (query[name] !== undefined && query[name] !== null) kept[name] = query[name];
  return kept;
}

function readConfiguration(input: CloudWatchInput): { excludedTimeRanges: TimeRange[]; metricTimezone: string | undefined } {
  const configuration = input.structure('Configuration');
  if (configuration === undefined) return { excludedTimeRanges: [], metricTimezone: undefined };
  const ranges = (configuration.structures('ExcludedTimeRanges') ?? []).map((range) => {
    const start = range.timestampMs('StartTime', { required: true })!;
    const end = range.timestampMs('EndTime', { required: true })!;
    if (end <= start) throw invalidValue(`The EndTime of ${range.path} must be later than its StartTime.`);
    return { start, end };
  });
  if (ranges.length > MAX_EXCLUDED_TIME_RANGES) {
    throw invalidValue(`The collection Configuration.ExcludedTimeRanges must not have more than ${MAX_EXCLUDED_TIME_RANGES} time ranges.`);
  }
  const metricTimezone = configuration.string('MetricTimezone', { maxLength: MAX_TIMEZONE_LENGTH });
  if (metricTimezone !== undefined && !isKnownTimeZone(metricTimezone)) {
    throw invalidValue(`The value ${metricTimezone} for parameter Configuration.MetricTimezone is not a time zone of the tz database (e.g. Europe/Paris, America/New_York).`);
  }
  return { excludedTimeRanges: ranges, metricTimezone };
}

/** Adds or updates a detector; the 501st in a region is refused. */
export function storeDetector(store: AnomalyDetectorsStore, target: Target, settings: Partial<AnomalyDetectorRecord>, now: number): AnomalyDetectorRecord {
  if (store.byKey(target.key) === undefined && store.size >= MAX_ANOMALY_DETECTORS) {
    throw new ServiceError('LimitExceededException', `The maximum number of anomaly detection models (${MAX_ANOMALY_DETECTORS}) in this Region has been reached.`);
  }
  return store.put({
    excludedTimeRanges: [],
    ...settings,
    id: detectorIdOf(target.key),
    key: target.key,
    type: target.type,
    single: target.single,
    queries: target.queries,
    createdAt: now,
  });
}

export function putAnomalyDetector(body: unknown, context: RequestContext): { AnomalyDetectorId: string } {
  const input = CloudWatchInput.of(body);
  const target = readTarget(input, body);
  const { excludedTimeRanges, metricTimezone } = readConfiguration(input);
  const periodicSpikes = input.structure('MetricCharacteristics')?.boolean('PeriodicSpikes');
  const stored = storeDetector(detectors(context), target, { excludedTimeRanges, metricTimezone, periodicSpikes }, context.now);
  return { AnomalyDetectorId: stored.id };
}

export function deleteAnomalyDetector(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const store = detectors(context);
  const id = input.string('AnomalyDetectorId', { maxLength: 128 });
  const key = id !== undefined ? store.byId(id)?.key : readTarget(input, body).key;
  if (key === undefined || !store.delete(key)) {
    throw new ServiceError('ResourceNotFoundException', 'No anomaly detector was found for the specified metric and statistic.', 404);
  }
  return {};
}

interface DescribeCursor {
  readonly o: number;
  readonly f: string;
}

function isDescribeCursor(value: unknown): value is DescribeCursor {
  return typeof value === 'object' && value !== null && Number.isInteger((value as DescribeCursor).o) && typeof (value as DescribeCursor).f === 'string';
}

export function describeAnomalyDetectors(body: unknown, context: RequestContext): { AnomalyDetectors: object[]; NextToken?: string } {
  const input = CloudWatchInput.of(body);
  const ids = input.strings('AnomalyDetectorIds', { max: MAX_DETECTOR_IDS });
  const namespace = readNamespace(input);
  const metricName = input.string('MetricName', { maxLength: 255 });
  const dimensions = input.has('Dimensions') ? readDimensions(input) : undefined;
  const types = input.strings('AnomalyDetectorTypes', { max: DETECTOR_TYPES.length });
  if (ids !== undefined && (namespace !== undefined || metricName !== undefined || dimensions !== undefined || types !== undefined)) {
    throw invalidCombination('AnomalyDetectorIds cannot be combined with the Namespace, MetricName, Dimensions or AnomalyDetectorTypes filters.');
  }
  for (const type of types ?? []) {
    if (!DETECTOR_TYPES.includes(type as AnomalyDetectorType)) {
      throw invalidValue(`The value ${type} for parameter AnomalyDetectorTypes is invalid. Valid values: ${DETECTOR_TYPES.join(', ')}.`);
    }
  }
  const maxResults = input.integer('MaxResults') ?? DESCRIBE_ANOMALY_DETECTORS_MAX_RESULTS;
  if (maxResults < 1 || maxResults > DESCRIBE_ANOMALY_DETECTORS_MAX_RESULTS) {
    throw invalidValue(`The parameter MaxResults must be between 1 and ${DESCRIBE_ANOMALY_DETECTORS_MAX_RESULTS}.`);
  }
  const wanted = types === undefined || types.length === 0 ? ['SINGLE_METRIC'] : types;
  const matches = detectors(context)
    .all()
    .filter((detector) => {
      if (ids !== undefined) return ids.includes(detector.id);
      if (!wanted.includes(detector.type)) return false;
      if (detector.type === 'METRIC_MATH') return true;
      const single = detector.single!;
      return (
        (namespace === undefined || single.namespace === namespace) &&
        (metricName === undefined || single.metricName === metricName) &&
        (dimensions === undefined || dimensions.every((d) => single.dimensions.some((own) => own.Name === d.Name && own.Value === d.Value)))
      );
    });
  const fingerprint = JSON.stringify([ids, namespace, metricName, dimensions, wanted]);
  const token = input.string('NextToken');
  const offset = token === undefined ? 0 : decodeToken(token, isDescribeCursor).o;
  if (token !== undefined && decodeToken(token, isDescribeCursor).f !== fingerprint) throw invalidValue('The NextToken does not belong to a DescribeAnomalyDetectors request with these filters.');
  const page = matches.slice(offset, offset + maxResults);
  const output: { AnomalyDetectors: object[]; NextToken?: string } = { AnomalyDetectors: page.map((detector) => describe(detector, context)) };
  if (offset + maxResults < matches.length) output.NextToken = encodeToken({ o: offset + maxResults, f: fingerprint } satisfies DescribeCursor);
  return output;
}

/** A detector as DescribeAnomalyDetectors returns it (a single-metric one also under the deprecated top-level members). */
function describe(detector: AnomalyDetectorRecord, context: RequestContext): object {
  const configuration = {
    ExcludedTimeRanges: detector.excludedTimeRanges.map((range) => ({ StartTime: new Date(range.start), EndTime: new Date(range.end) })),
    ...(detector.metricTimezone !== undefined && { MetricTimezone: detector.metricTimezone }),
  };
  const common = {
    AnomalyDetectorId: detector.id,
    Configuration: configuration,
    StateValue: stateOf(detector, context),
    MetricCharacteristics: detector.periodicSpikes === undefined ? {} : { PeriodicSpikes: detector.periodicSpikes },
  };
  if (detector.type === 'METRIC_MATH') return { ...common, MetricMathAnomalyDetector: { MetricDataQueries: detector.queries } };
  const single = detector.single!;
  const metric = { Namespace: single.namespace, MetricName: single.metricName, Dimensions: single.dimensions.map(copyDimension), Stat: single.stat };
  return {
    ...common,
    ...metric,
    SingleMetricAnomalyDetector: { ...(single.accountId !== undefined && { AccountId: single.accountId }), ...metric, Dimensions: single.dimensions.map(copyDimension) },
  };
}

function copyDimension(dimension: Dimension): Dimension {
  return { Name: dimension.Name, Value: dimension.Value };
}

/**
 * PENDING_TRAINING for its first 15 minutes; then TRAINED when its metric has data in at least 24 hours of the
 * last two weeks (a generated demo metric always has), else TRAINED_INSUFFICIENT_DATA. A metric-math detector
 * is TRAINED once past pending.
 */
function stateOf(detector: AnomalyDetectorRecord, context: RequestContext): 'PENDING_TRAINING' | 'TRAINED_INSUFFICIENT_DATA' | 'TRAINED' {
  if (context.now - detector.createdAt < PENDING_TRAINING_MS) return 'PENDING_TRAINING';
  if (detector.single === undefined) return 'TRAINED';
  const series = context.state.store(METRICS_STORE).get(detector.single);
  if (series === undefined) return 'TRAINED_INSUFFICIENT_DATA';
  if (series.generator !== undefined) return 'TRAINED';
  const hour = 3_600_000;
  const start = Math.floor((context.now - TRAINING_WINDOW_MS) / hour) * hour;
  const hours = series.periods(start, context.now, 3600, context.now).length;
  return hours >= SUFFICIENT_TRAINING_HOURS ? 'TRAINED' : 'TRAINED_INSUFFICIENT_DATA';
}
