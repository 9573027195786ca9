/**
 * CloudWatch Logs Insights: running queries (with progress, Stop and a queue beyond AWS's concurrency
 * quota), fetching every row of a query past the 10,000-row cap, a result's whole record, the fields
 * of groups, and saved queries (query definitions). Times are epoch milliseconds, as everywhere in the
 * contract; main converts them to the seconds StartQuery takes.
 */
import { z } from 'zod';
import { response, stream, unary } from '../rpc';
import {
  INSIGHTS_MAX_LOG_GROUPS,
  INSIGHTS_QUERY_MAX_LENGTH,
  INSIGHTS_RESULTS_CAP,
  QUERY_DEFINITION_NAME_MAX,
  type QueryStatus,
} from './insights-rules';
import { LOG_GROUP_NAME } from './logs-rules';
import { stringOf, Timestamp } from './primitives';

export type { QueryStatus } from './insights-rules';

export interface QueryStatistics {
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
}

/** One result row: field name → value, as GetQueryResults gives them (every value is text; `@ptr` included). */
export type QueryRow = Readonly<Record<string, string>>;

/** What a running query (`insights.run`) reports, in this order: maybe `waiting`, `started`, then `status` and `results` as they change, then `done`. */
export type QueryUpdate =
  /**
   * The query waits for a slot: the app already runs AWS's quota of concurrent queries (`app-quota`), or
   * AWS refused it because the account's queries from other tools and dashboards use the quota
   * (`account-quota`). It starts by itself when a slot frees up.
   */
  | { readonly type: 'waiting'; readonly reason: 'app-quota' | 'account-quota'; readonly message: string }
  | { readonly type: 'started'; readonly queryId: string }
  | { readonly type: 'status'; readonly status: QueryStatus; readonly statistics: QueryStatistics }
  /** Every row so far (replacing the previous `results`), with the result's fields in their order. */
  | { readonly type: 'results'; readonly fields: readonly string[]; readonly rows: readonly QueryRow[] }
  /**
   * The query ended. `Failed` and `Timeout` are AWS's answers, not errors of the call. `capped`: AWS
   * returned as many rows as the query's limit allows, so there may be more (see `insights.fetchAll`).
   */
  | { readonly type: 'done'; readonly status: QueryStatus; readonly statistics: QueryStatistics; readonly capped: boolean };

/** What `insights.fetchAll` reports: rows in the result's order, appended; progress over the range. */
export type FetchAllUpdate =
  | { readonly type: 'rows'; readonly fields: readonly string[]; readonly rows: readonly QueryRow[] }
  | {
      readonly type: 'progress';
      /** Milliseconds of the range whose rows are all delivered or being fetched and delivered. */
      readonly coveredMs: number;
      readonly totalMs: number;
      readonly rows: number;
      /** Queries run so far (each slice of the range is one). */
      readonly queries: number;
      readonly bytesScanned: number;
    }
  /**
   * Every slice ran. `incompleteSeconds`: seconds of the range holding more rows than one query
   * returns, which cannot be split further (their rows are capped).
   */
  | { readonly type: 'done'; readonly rows: number; readonly queries: number; readonly bytesScanned: number; readonly incompleteSeconds: readonly number[] };

export interface GroupField {
  readonly name: string;
  /** 0–100: the share of the groups' recent events that have the field (averaged over the groups). */
  readonly percent: number;
}

export interface LogRecord {
  /** Every field of the event, as GetLogRecord gives them. */
  readonly fields: Readonly<Record<string, string>>;
  /** Where the event is, when the record says (`@log`, `@logStream`, `@timestamp`). */
  readonly logGroupName?: string;
  readonly logStreamName?: string;
  readonly timestamp?: number;
}

export interface QueryDefinition {
  readonly id: string;
  /** Slashes make folders, as in the console: `errors/by route`. */
  readonly name: string;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  readonly lastModified?: number;
}

export interface QueryInfo {
  readonly queryId: string;
  readonly queryString: string;
  readonly status: QueryStatus;
  readonly createTime: number;
  readonly logGroupName?: string;
}

const LogGroupName = stringOf(LOG_GROUP_NAME);
const QueryString = z.string().trim().min(1, 'write a query').max(INSIGHTS_QUERY_MAX_LENGTH);
const LogGroupNames = z
  .array(LogGroupName)
  .min(1, 'choose at least one log group')
  .max(INSIGHTS_MAX_LOG_GROUPS, `a query can cover at most ${INSIGHTS_MAX_LOG_GROUPS} log groups (AWS's limit)`);

/** The query, its groups and its time range (both ends included, as in StartQuery). */
export const QueryRequest = z
  .object({
    logGroupNames: LogGroupNames,
    queryString: QueryString,
    startTime: Timestamp,
    endTime: Timestamp,
  })
  .refine((request) => request.startTime <= request.endTime, { message: 'the start of the range must not be after its end' });
export type QueryRequest = z.input<typeof QueryRequest>;

const QueryId = z.string().min(1).max(256);

export const insightsContract = {
  /**
   * Runs a query (StartQuery), polling GetQueryResults under its rate quota until the query ends; waits
   * beyond the concurrency quota. Cancelling (unsubscribing) stops the query on the server (StopQuery).
   * A query AWS cannot read fails with `InvalidInput` and `details.queryErrorLocation`.
   */
  run: stream(
    z.object({ query: QueryRequest, limit: z.number().int().min(1).max(INSIGHTS_RESULTS_CAP).optional() }),
    response<QueryUpdate>(),
  ),
  /** Asks AWS to stop a running query; its `run` then ends with status `Cancelled`. */
  stop: unary(z.object({ queryId: QueryId }), response<{ readonly stopped: boolean }>()),
  /**
   * Every row of a query whose results exceed the 10,000-row cap: the range is split into queries that
   * each stay under it (a slice that hits the cap is split again), merged in order. For queries whose
   * rows are events (no `stats`), sorted by time: `newest-first` (Insights' default) or `oldest-first`.
   */
  fetchAll: stream(
    z.object({ query: QueryRequest, order: z.enum(['newest-first', 'oldest-first']).default('newest-first') }),
    response<FetchAllUpdate>(),
  ),
  /** The queries of the account in this region, newest first (DescribeQueries), e.g. those still running. */
  describeQueries: unary(
    z.object({ status: z.enum(['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout']).optional() }),
    response<readonly QueryInfo[]>(),
  ),
  /** The whole event behind a result row (GetLogRecord on its `@ptr`). */
  getRecord: unary(z.object({ logRecordPointer: z.string().min(1).max(8192) }), response<LogRecord>()),
  /** The fields found in the groups' recent events (GetLogGroupFields), most common first. */
  groupFields: unary(z.object({ logGroupNames: LogGroupNames }), response<readonly GroupField[]>()),
  /** Every saved query of the region (DescribeQueryDefinitions, all pages), by name. */
  listDefinitions: unary(z.object({}), response<readonly QueryDefinition[]>()),
  /** Saves a query definition; with `id`, replaces that one. */
  putDefinition: unary(
    z.object({
      id: QueryId.optional(),
      name: z.string().trim().min(1, 'give the query a name').max(QUERY_DEFINITION_NAME_MAX),
      queryString: QueryString,
      logGroupNames: z.array(LogGroupName).max(INSIGHTS_MAX_LOG_GROUPS).default([]),
    }),
    response<{ readonly id: string }>(),
  ),
  deleteDefinition: unary(z.object({ id: QueryId }), response<void>()),
} as const;
