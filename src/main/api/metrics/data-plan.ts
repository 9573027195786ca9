/**
 * How a graph's queries become GetMetricData calls: how many datapoints they ask for, whether that is
 * within what one graph may fetch, and how more than 500 queries are split. Pure, so every limit is
 * tested without AWS.
 */
import {
  GET_METRIC_DATA_MAX_DATAPOINTS,
  GET_METRIC_DATA_MAX_QUERIES,
  METRICS_MAX_DATAPOINTS_PER_GRAPH,
  type MetricDataRequest,
} from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { formatCount } from '../../../shared/format';

type Query = MetricDataRequest['queries'][number];

/** Datapoints one query returns at most over the range: one per period. */
export function datapointsOf(query: Query, startTime: number, endTime: number, fallbackPeriod: number): number {
  const period = query.metricStat?.period ?? query.period ?? fallbackPeriod;
  return Math.ceil((endTime - startTime) / (period * 1000));
}

/**
 * The queries in groups of at most 500, one group per call (each group then paged with NextToken).
 * Throws an InvalidInput ApiError with a sentence when the graph asks for too much, or when more than
 * 500 queries include an expression (which may refer to a query in another group).
 */
export function planCalls(request: MetricDataRequest): Query[][] {
  const { queries, startTime, endTime } = request;
  // An expression without its own period is evaluated at its inputs' periods; the finest one bounds it.
  const finest = Math.min(...queries.map((query) => query.metricStat?.period ?? query.period ?? Number.POSITIVE_INFINITY));
  const fallback = Number.isFinite(finest) ? finest : 60;
  const returned = queries.filter((query) => query.returnData !== false);
  const total = returned.reduce((sum, query) => sum + datapointsOf(query, startTime, endTime, fallback), 0);
  if (total > METRICS_MAX_DATAPOINTS_PER_GRAPH) {
    throw apiError(
      'InvalidInput',
      `This graph asks for ${formatCount(total)} datapoints; Cloudscope fetches at most ${formatCount(METRICS_MAX_DATAPOINTS_PER_GRAPH)} ` +
        `(${formatCount(METRICS_MAX_DATAPOINTS_PER_GRAPH / GET_METRIC_DATA_MAX_DATAPOINTS)} GetMetricData calls of ` +
        `${formatCount(GET_METRIC_DATA_MAX_DATAPOINTS)}) for one graph. Choose a longer period, a shorter range or fewer series.`,
    );
  }
  if (queries.length <= GET_METRIC_DATA_MAX_QUERIES) return [[...queries]];
  if (queries.some((query) => query.expression !== undefined)) {
    throw apiError(
      'InvalidInput',
      `This graph has ${formatCount(queries.length)} queries, and GetMetricData takes at most ${GET_METRIC_DATA_MAX_QUERIES} in one call. ` +
        'Queries without expressions are split over several calls, but an expression must be in the same call as its inputs: remove series or expressions until there are 500 at most.',
    );
  }
  const calls: Query[][] = [];
  for (let at = 0; at < queries.length; at += GET_METRIC_DATA_MAX_QUERIES) calls.push(queries.slice(at, at + GET_METRIC_DATA_MAX_QUERIES));
  return calls;
}
