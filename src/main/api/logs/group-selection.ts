/**
 * The log groups a search or download covers: the names given, or every group whose name matches a
 * pattern with `*` (any run of characters) and `?` (one character). A pattern is expanded by listing the
 * groups that start with its literal part before the first wildcard and matching the rest here.
 */
import type { CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import { paginateDescribeLogGroups } from '@aws-sdk/client-cloudwatch-logs';
import { DESCRIBE_PAGE_LIMIT, SEARCH_MAX_GROUPS } from '../../../shared/contract/logs-rules';
import { apiError } from '../../../shared/errors';
import { groupNameMatcher, literalPrefix } from '../../../shared/group-pattern';
import type { ScopedClient } from '../session';

export interface GroupChoice {
  readonly logGroupNames?: readonly string[];
  readonly logGroupPattern?: string;
}

export async function selectedGroups(scoped: ScopedClient<CloudWatchLogsClient>, choice: GroupChoice): Promise<string[]> {
  if (choice.logGroupNames !== undefined) return [...new Set(choice.logGroupNames)];
  const pattern = choice.logGroupPattern ?? '';
  const matches = groupNameMatcher(pattern);
  const prefix = literalPrefix(pattern);
  const found: string[] = [];
  const pages = paginateDescribeLogGroups(
    { client: scoped.client, pageSize: DESCRIBE_PAGE_LIMIT },
    prefix ? { logGroupNamePrefix: prefix } : {},
    { abortSignal: scoped.abortSignal },
  );
  for await (const page of pages) {
    for (const group of page.logGroups ?? []) {
      if (group.logGroupName !== undefined && matches(group.logGroupName)) found.push(group.logGroupName);
    }
  }
  if (found.length === 0) {
    throw apiError('NotFound', `No log group in this region matches ${pattern}. Check the pattern, or pick another region.`);
  }
  if (found.length > SEARCH_MAX_GROUPS) {
    throw apiError(
      'InvalidInput',
      `The pattern ${pattern} matches ${found.length} log groups; one search covers at most ${SEARCH_MAX_GROUPS}. ` +
        'Narrow the pattern (a longer fixed start helps most).',
    );
  }
  return found;
}
