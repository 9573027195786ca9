import { LOG_GROUP_NAME } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { readLogsInput } from '../common';
import { QUERY_LANGUAGES } from '../insights/definition-rules';
import { pageOf } from '../insights/pages';
import { INSIGHTS_QUERIES } from '../insights/queries';
import type { QueryStatus } from '../insights/query-run';

const STATUSES: readonly QueryStatus[] = ['Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout'];
const DEFAULT_MAX_RESULTS = 1000;

/** The region's recent queries, newest first, optionally of one log group or one status; paginated. */
export function describeQueries(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', LOG_GROUP_NAME);
  const status = input.string('status', { oneOf: [...STATUSES, 'Unknown'] });
  const maxResults = input.integer('maxResults', { min: 1, max: 1000 }) ?? DEFAULT_MAX_RESULTS;
  const nextToken = input.string('nextToken', { min: 1 });
  const language = input.string('queryLanguage', { oneOf: QUERY_LANGUAGES });
  input.finish();

  const matching = context.state
    .store(INSIGHTS_QUERIES)
    .list(context.now)
    .filter((run) => (groupName === undefined || run.info.groupNames.includes(groupName)) && (status === undefined || run.status === status))
    .filter(() => language === undefined || language === 'CWLI');
  const { page, nextToken: next } = pageOf(matching, nextToken, maxResults);
  return {
    queries: page.map((run) => ({
      queryLanguage: 'CWLI',
      queryId: run.info.id,
      queryString: run.info.queryString,
      status: run.status,
      createTime: run.info.createTime,
      logGroupName: run.info.groupNames[0],
      queryDuration: run.durationMs,
      bytesScanned: run.statistics().bytesScanned,
      ...(run.info.userIdentity === '' ? {} : { userIdentity: run.info.userIdentity }),
    })),
    ...(next === undefined ? {} : { nextToken: next }),
  };
}

