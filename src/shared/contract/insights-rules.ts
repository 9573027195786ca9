/**
 * CloudWatch Logs Insights rules of the contract: AWS's limits (one list, in the shared language's
 * limits.ts, which the sandbox enforces) and what the API model says of statuses and pages.
 */
export {
  INSIGHTS_MAX_CONCURRENT_QUERIES,
  INSIGHTS_MAX_LOG_GROUPS,
  INSIGHTS_QUERY_MAX_LENGTH,
  INSIGHTS_QUERY_TIMEOUT_MS,
} from '../languages/insights/limits';

/**
 * The rows one query returns, and StartQuery's largest `limit` in the API model (EventsLimit, 1–10,000).
 * A query that returns this many may have more: `insights.fetchAll` gets them by splitting the range.
 */
export { INSIGHTS_DEFAULT_RESULT_LIMIT as INSIGHTS_RESULTS_CAP } from '../languages/insights/limits';

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
