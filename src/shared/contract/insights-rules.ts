/**
 * CloudWatch Logs Insights limits, as AWS documents them. Both sides use them: the app checks requests
 * before calling AWS and queues queries beyond the concurrency quota.
 */

/**
 * StartQuery's `logGroupNames` "can include up to 50 log groups" (CloudWatch Logs API reference,
 * StartQuery).
 */
export const INSIGHTS_MAX_LOG_GROUPS = 50;

/** StartQuery's `limit` is 1–10,000 (EventsLimit); a query returns at most 10,000 rows. */
export const INSIGHTS_RESULTS_CAP = 10_000;

/** StartQuery's and PutQueryDefinition's `queryString` is at most 10,000 characters. */
export const INSIGHTS_QUERY_MAX_LENGTH = 10_000;

/**
 * Concurrent Logs Insights queries per account and region, including those of dashboards: "You are
 * limited to 100 concurrent CloudWatch Logs Insights queries per account" (CloudWatch Logs User Guide,
 * "View running queries or query history"; older API reference pages still say 30). AWS refuses a query
 * beyond it with LimitExceededException.
 */
export const INSIGHTS_MAX_CONCURRENT_QUERIES = 100;

/** "Queries time out after 60 minutes of runtime" (StartQuery). */
export const INSIGHTS_QUERY_TIMEOUT_MS = 60 * 60 * 1000;

/** PutQueryDefinition's `name` is 1–255 characters (QueryDefinitionName). */
export const QUERY_DEFINITION_NAME_MAX = 255;

/** DescribeQueryDefinitions and DescribeQueries return at most 1,000 items per page. */
export const QUERY_LIST_PAGE_LIMIT = 1000;

/** The statuses GetQueryResults reports; the last four are final. */
export const QUERY_STATUSES = ['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

const FINAL: ReadonlySet<QueryStatus> = new Set(['Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);

/** Whether a status is one a query does not leave. */
export function isFinalStatus(status: QueryStatus): boolean {
  return FINAL.has(status);
}
