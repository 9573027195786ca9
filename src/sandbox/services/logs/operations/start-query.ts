import { randomUUID } from 'node:crypto';
import { LOG_GROUP_IDENTIFIER, LOG_GROUP_NAME } from '../../../../shared/contract/logs-rules';
import {
  INSIGHTS_MAX_LOG_GROUPS,
  INSIGHTS_MAX_RESULT_LIMIT,
  INSIGHTS_DEFAULT_RESULT_LIMIT,
  INSIGHTS_QUERY_MAX_LENGTH,
  parseInsightsQuery,
  type Span,
} from '../../../../shared/languages/insights';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { groupNameFromIdentifier, invalidParameter, readLogsInput } from '../common';
import { QueryCompileError } from '../insights/compile-error';
import { compileQuery } from '../insights/compile-query';
import { QUERY_LANGUAGES } from '../insights/definition-rules';
import { INSIGHTS_QUERIES } from '../insights/queries';
import { QueryRun } from '../insights/query-run';
import { QueryScan } from '../insights/scan';
import { INSIGHTS_SETTINGS } from '../insights/settings';
import { LOGS_STORE, type LogGroup } from '../store';

/**
 * Starts a Logs Insights query over up to 50 log groups and a time range in seconds (both ends included)
 * and answers its ID at once; the query then runs in the background (see QueryRun). A query that does
 * not parse is refused with MalformedQueryException and where the mistake is.
 */
export function startQuery(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const language = input.string('queryLanguage', { oneOf: QUERY_LANGUAGES });
  const name = input.string('logGroupName', LOG_GROUP_NAME);
  const names = input.stringList('logGroupNames', { item: LOG_GROUP_NAME });
  const identifiers = input.stringList('logGroupIdentifiers', { item: LOG_GROUP_IDENTIFIER });
  const startTime = input.long('startTime', { required: true, min: 0 }) as number;
  const endTime = input.long('endTime', { required: true, min: 0 }) as number;
  const queryString = input.string('queryString', { required: true, min: 0, max: INSIGHTS_QUERY_MAX_LENGTH }) as string;
  const limit = input.integer('limit', { min: 1, max: INSIGHTS_MAX_RESULT_LIMIT });
  input.finish();

  if (language !== undefined && language !== 'CWLI') {
    throw invalidParameter(`The sandbox runs Logs Insights QL (CWLI) queries only, not ${language}.`);
  }
  const given = [name, names, identifiers].filter((value) => value !== undefined).length;
  if (given !== 1) throw invalidParameter('Specify exactly one of logGroupName, logGroupNames and logGroupIdentifiers.');
  const references = name !== undefined ? [name] : (names ?? identifiers ?? []);
  if (references.length === 0) throw invalidParameter('Specify at least one log group to query.');
  if (references.length > INSIGHTS_MAX_LOG_GROUPS) {
    throw invalidParameter(`A query can search at most ${INSIGHTS_MAX_LOG_GROUPS} log groups; this one names ${references.length}.`);
  }
  if (endTime < startTime) throw invalidParameter('endTime must not be before startTime.');

  const parsed = parseInsightsQuery(queryString);
  if (!parsed.ok) throw malformedQuery(parsed.error.message, parsed.error);
  let compiled;
  try {
    compiled = compileQuery(parsed.query);
  } catch (error) {
    if (error instanceof QueryCompileError) throw malformedQuery(error.message, error.span);
    throw error;
  }

  const groups = [...new Set(references.map((reference) => findGroup(context, reference)))];
  const queries = context.state.store(INSIGHTS_QUERIES);
  const settings = context.account.store(INSIGHTS_SETTINGS).settings;
  if (queries.activeCount() >= settings.maxConcurrent) {
    throw new ServiceError('LimitExceededException', `Account maximum query concurrency limit of [${settings.maxConcurrent}] reached.`);
  }

  const id = randomUUID();
  const scan = new QueryScan(groups, context.accountId, startTime * 1000, endTime * 1000 + 999);
  const run = new QueryRun(
    {
      id,
      queryString,
      groupNames: groups.map((group) => group.name),
      createTime: context.now,
      userIdentity: context.caller.kind === 'anonymous' ? '' : context.caller.arn,
    },
    compiled,
    compiled.start(limit ?? Math.max(INSIGHTS_DEFAULT_RESULT_LIMIT, compiled.largestLimit ?? 0)),
    scan,
    settings,
  );
  queries.add(run);
  run.begin();
  return { queryId: id };
}

/** AWS's shape: the message, and `queryCompileError` with where the mistake is (character offsets). */
function malformedQuery(message: string, span: Span): ServiceError {
  return new ServiceError('MalformedQueryException', message, 400, {
    queryCompileError: { location: { startCharOffset: span.start, endCharOffset: span.end }, message },
  });
}

function findGroup(context: RequestContext, reference: string): LogGroup {
  const name = groupNameFromIdentifier(context, reference);
  const group = name === undefined ? undefined : context.state.store(LOGS_STORE).group(name);
  if (group === undefined) {
    throw new ServiceError('ResourceNotFoundException', `Log group '${name ?? reference}' does not exist for account ID '${context.accountId}'`);
  }
  return group;
}
