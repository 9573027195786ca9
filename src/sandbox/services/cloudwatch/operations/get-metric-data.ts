/**
 * GetMetricData: up to 500 queries, each a metric's statistic per period (MetricStat) or a metric math
 * expression over the other queries (including SEARCH and METRICS()); the results of those with ReturnData,
 * newest first unless ScanBy says TimestampAscending, at most MaxDatapoints (default and limit 100,800)
 * datapoints per call, the rest behind NextToken (a result cut short says PartialData). Labels may use
 * dynamic labels, resolved in LabelOptions' time zone.
 */
import { createHash } from 'node:crypto';
import { parseMetricMath, queryIdError, matchesSearch, type MathExpression } from '../../../../shared/languages/metric-math';
import { hasDynamicLabel, isValidLabelTimezone, resolveDynamicLabel } from '../../../../shared/metric-labels';
import { GET_METRIC_DATA_MAX_DATAPOINTS, GET_METRIC_DATA_MAX_QUERIES } from '../../../../shared/metric-periods';
import { parseStatistic, type Statistic } from '../../../../shared/metric-statistics';
import type { RequestContext } from '../../../core/context';
import {
  CloudWatchInput,
  decodeToken,
  encodeToken,
  invalidCombination,
  invalidValue,
  missingParameter,
  readDimensions,
  readNamespace,
  readUnit,
} from '../common';
import { evaluate, expressionError, type MathEnvironment, type MathValue } from '../math';
import { alignedStart, checkPeriod, checkTimeRange } from '../query-time';
import type { MetricIdentity, MetricSeries } from '../series';
import { METRICS_STORE, type MetricsStore } from '../store';
import type { TimeSeries } from '../time-series';
import { anomalyBand, modelledBy } from '../anomaly/band';
import { ANOMALY_DETECTORS_STORE, type AnomalyDetectorsStore } from '../anomaly/store';

/** A search returns at most this many series. */
export const SEARCH_MAX_RESULTS = 500;

interface MetricStatQuery {
  readonly identity: MetricIdentity;
  readonly period: number;
  readonly stat: string;
  readonly statistic: Statistic;
  readonly unit: string | undefined;
}

export interface Query {
  readonly id: string;
  readonly path: string;
  readonly label: string | undefined;
  readonly returnData: boolean;
  readonly period: number | undefined;
  readonly metricStat?: MetricStatQuery;
  readonly expression?: MathExpression;
  readonly expressionText?: string;
}

interface MessageData {
  Code: string;
  Value: string;
}

interface MetricDataResult {
  Id: string;
  Label: string;
  Timestamps: Date[];
  Values: number[];
  StatusCode: 'Complete' | 'PartialData';
  Messages?: MessageData[];
}

interface GetMetricDataOutput {
  MetricDataResults: MetricDataResult[];
  NextToken?: string;
  Messages: MessageData[];
}

interface Cursor {
  readonly f: string;
  readonly o: number;
}

function isCursor(value: unknown): value is Cursor {
  return typeof value === 'object' && value !== null && typeof (value as Cursor).f === 'string' && Number.isInteger((value as Cursor).o);
}

interface FullResult {
  readonly id: string;
  readonly label: string;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  readonly messages: readonly MessageData[];
}

const ARITHMETIC_ERROR: MessageData = { Code: 'ArithmeticError', Value: 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)' };

export function getMetricData(body: unknown, context: RequestContext): GetMetricDataOutput {
  const input = CloudWatchInput.of(body);
  const items = input.structures('MetricDataQueries', { required: true, max: GET_METRIC_DATA_MAX_QUERIES })!;
  if (items.length === 0) throw missingParameter('MetricDataQueries');
  const start = input.timestampMs('StartTime', { required: true })!;
  const end = input.timestampMs('EndTime', { required: true })!;
  checkTimeRange(start, end);
  const scanBy = input.string('ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidValue(`The value ${scanBy} for parameter ScanBy is invalid. Valid values: TimestampDescending, TimestampAscending.`);
  }
  const maxDatapoints = input.integer('MaxDatapoints') ?? GET_METRIC_DATA_MAX_DATAPOINTS;
  if (maxDatapoints < 1 || maxDatapoints > GET_METRIC_DATA_MAX_DATAPOINTS) {
    throw invalidValue(`The parameter MaxDatapoints must be between 1 and ${GET_METRIC_DATA_MAX_DATAPOINTS.toLocaleString('en-US')}.`);
  }
  const timezone = input.structure('LabelOptions')?.string('Timezone');
  if (timezone !== undefined && !isValidLabelTimezone(timezone)) {
    throw invalidValue(`The value ${timezone} for parameter LabelOptions.Timezone is invalid: use + or - and four digits (HHMM), from -1200 to +1400.`);
  }
  const queries = readQueries(items);
  const token = input.string('NextToken');
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ ...(body as object), NextToken: undefined }))
    .digest('base64url');
  const offset = token === undefined ? 0 : decodeToken(token, isCursor).o;
  if (token !== undefined && decodeToken(token, isCursor).f !== fingerprint) throw invalidValue('The NextToken does not belong to a GetMetricData request with these parameters.');

  const run = new Evaluation(queries, context.state.store(METRICS_STORE), context.state.store(ANOMALY_DETECTORS_STORE), start, end, context.now);
  const results: FullResult[] = [];
  for (const query of queries) {
    if (!query.returnData) continue;
    const { list, messages } = run.resultOf(query);
    for (const series of list) {
      const label = labelOf(query, series, list.length, context, timezone);
      const order = scanBy === 'TimestampAscending' ? series.timestamps.map((_, i) => i) : series.timestamps.map((_, i) => series.timestamps.length - 1 - i);
      results.push({
        id: query.id,
        label,
        timestamps: order.map((i) => series.timestamps[i]!),
        values: order.map((i) => series.values[i]!),
        messages,
      });
    }
  }
  return page(results, offset, maxDatapoints, fingerprint);
}

/** A request's MetricDataQueries, checked as GetMetricData checks them (also PutAnomalyDetector's metric math). */
export function readQueries(items: readonly CloudWatchInput[]): Query[] {
  const ids = new Set<string>();
  return items.map((item) => {
    const id = item.string('Id', { required: true, maxLength: 255 })!;
    const idProblem = queryIdError(id);
    if (idProblem !== undefined) throw invalidValue(`The value ${id} for parameter ${item.pathOf('Id')} is invalid. ${idProblem}`);
    if (ids.has(id)) throw invalidValue(`The value ${id} for parameter ${item.pathOf('Id')} is not unique: each query needs its own Id.`);
    ids.add(id);
    const hasStat = item.has('MetricStat');
    const hasExpression = item.has('Expression');
    if (hasStat === hasExpression) {
      throw invalidCombination(`Exactly one of the parameters ${item.pathOf('MetricStat')} and ${item.pathOf('Expression')} must be specified.`);
    }
    const period = item.integer('Period');
    if (period !== undefined) checkPeriod(period, item.pathOf('Period'));
    const base = { id, path: item.path, label: item.string('Label'), returnData: item.boolean('ReturnData') ?? true, period };
    if (hasStat) return { ...base, metricStat: readMetricStat(item.structure('MetricStat')!) };
    const text = item.string('Expression', { maxLength: 2048 })!;
    const parsed = parseMetricMath(text);
    if (!parsed.ok) {
      throw expressionError(id, `${parsed.error.message} (at character ${parsed.error.start + 1} of "${text}")`);
    }
    return { ...base, expression: parsed.expression, expressionText: text };
  });
}

function readMetricStat(stat: CloudWatchInput): MetricStatQuery {
  const metric = stat.structure('Metric', { required: true })!;
  const namespace = readNamespace(metric, { required: true })!;
  const metricName = metric.string('MetricName', { required: true, maxLength: 255 })!;
  const dimensions = readDimensions(metric);
  const period = stat.integer('Period', { required: true })!;
  checkPeriod(period, stat.pathOf('Period'));
  const statText = stat.string('Stat', { required: true })!;
  const parsed = parseStatistic(statText);
  if (!parsed.ok) throw invalidValue(`The value ${statText} for parameter ${stat.pathOf('Stat')} is not a valid statistic. ${parsed.message}`);
  return { identity: { namespace, metricName, dimensions }, period, stat: statText, statistic: parsed.statistic, unit: readUnit(stat) };
}

/** Evaluates the queries of one request, each once, in dependency order. */
class Evaluation {
  private readonly byId = new Map<string, Query>();
  private readonly values = new Map<string, { value: MathValue; messages: MessageData[] }>();
  private readonly inProgress = new Set<string>();
  private readonly defaultPeriod: number;

  constructor(
    private readonly queries: readonly Query[],
    private readonly store: MetricsStore,
    private readonly detectors: AnomalyDetectorsStore,
    private readonly start: number,
    private readonly end: number,
    private readonly now: number,
  ) {
    for (const query of queries) this.byId.set(query.id, query);
    this.defaultPeriod = queries.find((q) => q.metricStat !== undefined)?.metricStat!.period ?? 60;
  }

  resultOf(query: Query): { list: TimeSeries[]; messages: MessageData[] } {
    const { value, messages } = this.evaluateQuery(query);
    switch (value.kind) {
      case 'series':
        return { list: [value.series], messages };
      case 'list':
        return { list: [...value.list], messages };
      case 'scalar': {
        const period = query.period ?? this.defaultPeriod;
        const timestamps = this.grid(period);
        return { list: [{ timestamps, values: timestamps.map(() => value.value), period, label: query.id }], messages };
      }
      default:
        throw expressionError(query.id, 'The expression must give a number or time series.');
    }
  }

  private evaluateQuery(query: Query): { value: MathValue; messages: MessageData[] } {
    const cached = this.values.get(query.id);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(query.id)) throw expressionError(query.id, `The expression refers back to itself through ${[...this.inProgress].join(', ')}.`);
    this.inProgress.add(query.id);
    let result: { value: MathValue; messages: MessageData[] };
    if (query.metricStat !== undefined) {
      result = { value: { kind: 'series', series: this.metricSeries(query.metricStat) }, messages: [] };
    } else {
      const dropped = { count: 0 };
      const messages: MessageData[] = [];
      const env = this.environment(query, dropped, messages);
      const value = evaluate(query.expression!, env, query.id);
      if (dropped.count > 0) messages.push(ARITHMETIC_ERROR);
      result = { value, messages };
    }
    this.inProgress.delete(query.id);
    this.values.set(query.id, result);
    return result;
  }

  private environment(query: Query, dropped: { count: number }, messages: MessageData[]): MathEnvironment {
    const period = query.period ?? this.defaultPeriod;
    return {
      defaultPeriod: period,
      dropped,
      grid: (p) => this.grid(p),
      resolve: (id) => {
        const target = this.byId.get(id);
        if (target === undefined) throw expressionError(query.id, `${id} is not the Id of a query in this request.`);
        return this.evaluateQuery(target).value;
      },
      anomalyBand: (argument, width) => this.anomalyBand(query, argument, width),
      metrics: (filter) =>
        this.queries
          .filter((q) => q.metricStat !== undefined && q.id.includes(filter) && q.id !== query.id)
          .map((q) => {
            const value = this.evaluateQuery(q).value;
            return { ...(value as { series: TimeSeries }).series, label: q.label ?? (value as { series: TimeSeries }).series.label };
          }),
      search: (node, stat, searchPeriod) => {
        const parsed = parseStatistic(stat);
        if (!parsed.ok) throw expressionError(query.id, `SEARCH's statistic ${stat} is not valid. ${parsed.message}`);
        const seriesPeriod = searchPeriod ?? period;
        const found = this.store
          .all()
          .filter((s) => s.activeSince(this.now - 14 * 24 * 3_600_000))
          .filter((s) =>
            matchesSearch(node.search!, {
              namespace: s.identity.namespace,
              metricName: s.identity.metricName,
              dimensions: s.identity.dimensions.map((d) => ({ name: d.Name, value: d.Value })),
            }),
          );
        if (found.length > SEARCH_MAX_RESULTS) {
          messages.push({ Code: 'MaxMetricsExceeded', Value: `The search matched ${found.length} metrics; only the first ${SEARCH_MAX_RESULTS} are returned.` });
        }
        return found.slice(0, SEARCH_MAX_RESULTS).map((s) => ({
          ...this.seriesOf(s, { identity: s.identity, period: seriesPeriod, stat, statistic: parsed.statistic, unit: undefined }),
          label: searchLabel(s.identity),
        }));
      },
    };
  }

  private anomalyBand(query: Query, argument: MathExpression, width: number): TimeSeries[] {
    if (argument.kind !== 'id') throw expressionError(query.id, 'The first argument of ANOMALY_DETECTION_BAND must be the Id of a metric or expression.');
    const target = this.byId.get(argument.id);
    if (target === undefined) throw expressionError(query.id, `${argument.id} is not the Id of a query in this request.`);
    const value = this.evaluateQuery(target).value;
    if (value.kind !== 'series') {
      const type = value.kind === 'list' ? 'Array[TimeSeries]' : value.kind === 'scalar' ? 'Scalar' : 'String';
      throw expressionError(query.id, `Unsupported operand type(s) for ANOMALY_DETECTION_BAND: '[${type}, Scalar]'`);
    }
    const modelled = modelledBy(this.queries, target);
    if (typeof modelled === 'string') throw expressionError(query.id, modelled);
    const period = value.series.period;
    return anomalyBand({
      detectors: this.detectors,
      modelled,
      series: value.series,
      label: target.label ?? (target.metricStat === undefined ? target.id : value.series.label),
      timestamps: this.grid(period).filter((t) => t <= this.now),
      width,
      until: Math.min(this.end, this.now),
      dataVersion: Math.max(0, ...modelled.metrics.map((identity) => this.store.get(identity)?.lastReceivedAt ?? 0)),
      seriesOver: (start, end) => {
        const training = new Evaluation(this.queries, this.store, this.detectors, start, end, this.now).evaluateQuery(target).value;
        return training.kind === 'series' ? training.series : { timestamps: [], values: [], period, label: value.series.label };
      },
    });
  }

  private metricSeries(stat: MetricStatQuery): TimeSeries {
    const series = this.store.get(stat.identity);
    const empty: TimeSeries = { timestamps: [], values: [], period: stat.period, label: stat.identity.metricName, metric: stat.identity, stat: stat.stat };
    return series === undefined ? empty : this.seriesOf(series, stat);
  }

  private seriesOf(series: MetricSeries, stat: MetricStatQuery): TimeSeries {
    const timestamps: number[] = [];
    const values: number[] = [];
    const from = alignedStart(this.start, stat.period, this.now);
    for (const { timestamp, aggregate } of series.periods(from, this.end, stat.period, this.now, stat.unit)) {
      const value = aggregate.statistic(stat.statistic);
      if (value === undefined) continue;
      timestamps.push(timestamp);
      values.push(value);
    }
    return { timestamps, values, period: stat.period, label: stat.identity.metricName, metric: stat.identity, stat: stat.stat };
  }

  grid(period: number): number[] {
    const times: number[] = [];
    for (let t = alignedStart(this.start, period, this.now); t < this.end; t += period * 1000) times.push(t);
    return times;
  }
}

function searchLabel(identity: MetricIdentity): string {
  return [...identity.dimensions.map((d) => d.Value), identity.metricName].join(' ');
}

function labelOf(query: Query, series: TimeSeries, count: number, context: RequestContext, timezone: string | undefined): string {
  const defaultLabel = count > 1 || query.expression === undefined ? series.label : query.id;
  const label = query.label ?? defaultLabel;
  if (!hasDynamicLabel(label)) return label;
  return resolveDynamicLabel(label, {
    defaultLabel,
    namespace: series.metric?.namespace,
    metricName: series.metric?.metricName,
    dimensions: series.metric?.dimensions,
    period: series.period,
    stat: series.stat,
    region: context.region,
    accountId: context.accountId,
    timestamps: [...series.timestamps].sort((a, b) => a - b),
    values: [...series.timestamps.map((t, i) => ({ t, v: series.values[i]! }))].sort((a, b) => a.t - b.t).map(({ v }) => v),
    timezone,
    now: context.now,
  });
}

/** One page of datapoints: results in query order, each cut where the page's budget runs out. */
function page(results: readonly FullResult[], offset: number, max: number, fingerprint: string): GetMetricDataOutput {
  const total = results.reduce((sum, r) => sum + r.timestamps.length, 0);
  const pageEnd = offset + max;
  const output: GetMetricDataOutput = { MetricDataResults: [], Messages: [] };
  let position = 0;
  for (const result of results) {
    const length = result.timestamps.length;
    const from = Math.max(offset, position);
    const to = Math.min(pageEnd, position + length);
    const emptyHere = length === 0 && position >= offset && (position < pageEnd || pageEnd >= total);
    if (from < to || emptyHere) {
      const slice = [from - position, to - position] as const;
      output.MetricDataResults.push({
        Id: result.id,
        Label: result.label,
        Timestamps: result.timestamps.slice(...slice).map((t) => new Date(t)),
        Values: result.values.slice(...slice),
        StatusCode: to < position + length ? 'PartialData' : 'Complete',
        ...(result.messages.length > 0 && { Messages: [...result.messages] }),
      });
    }
    position += length;
  }
  if (pageEnd < total) output.NextToken = encodeToken({ f: fingerprint, o: pageEnd } satisfies Cursor);
  return output;
}
