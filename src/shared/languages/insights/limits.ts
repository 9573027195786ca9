/**
 * AWS's limits for Logs Insights queries (CloudWatch Logs API reference and quotas page), used by the
 * sandbox to enforce them and by the app to stay within them.
 */

/** Log groups one StartQuery may name (logGroupNames / logGroupIdentifiers). */
export const INSIGHTS_MAX_LOG_GROUPS = 50;
/**
 * Queries running at once per account (dashboards' queries included); StartQuery beyond it is
 * LimitExceededException. 100 in the current StartQuery reference and the User Guide's "View running
 * queries" page; older references said 30, then 20.
 */
export const INSIGHTS_MAX_CONCURRENT_QUERIES = 100;
/** A query still running after this long ends with status Timeout. */
export const INSIGHTS_QUERY_TIMEOUT_MS = 60 * 60 * 1000;
/** Rows a query returns when StartQuery names no `limit`. */
export const INSIGHTS_DEFAULT_RESULT_LIMIT = 10_000;
/** The largest `limit` StartQuery takes; results beyond one GetQueryResults page come by nextToken. */
export const INSIGHTS_MAX_RESULT_LIMIT = 100_000;
/** Rows in one GetQueryResults response (its maxItems at most). */
export const INSIGHTS_RESULTS_PAGE_MAX = 10_000;
/** Characters in a query string. */
export const INSIGHTS_QUERY_MAX_LENGTH = 10_000;
/** How long a query's results can be retrieved after it started. */
export const INSIGHTS_RESULTS_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** GetLogGroupFields without `time`: the most recent 15 minutes. */
export const LOG_GROUP_FIELDS_RECENT_MS = 15 * 60 * 1000;
/** GetLogGroupFields with `time`: 8 minutes either side of it. */
export const LOG_GROUP_FIELDS_HALF_WINDOW_MS = 8 * 60 * 1000;
