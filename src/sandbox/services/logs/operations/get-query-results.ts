import { INSIGHTS_RESULTS_PAGE_MAX } from '../../../../shared/languages/insights';
import type { RequestContext } from '../../../core/context';
import { readLogsInput } from '../common';
import { findQuery, queryIdRule } from '../insights/find-query';
import { decodeCursor, encodeCursor } from '../tokens';

/**
 * A query's status, statistics and results: partial while it is Scheduled or Running, final after. Up to
 * `maxItems` (10,000) rows a call; more of a finished query's rows come with `nextToken`.
 */
export function getQueryResults(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const id = input.string('queryId', { ...queryIdRule, required: true }) as string;
  const nextToken = input.string('nextToken', { max: 1024 });
  const maxItems = input.integer('maxItems', { min: 0, max: INSIGHTS_RESULTS_PAGE_MAX }) ?? INSIGHTS_RESULTS_PAGE_MAX;
  input.finish();

  const run = findQuery(context, id);
  const from = nextToken === undefined ? 0 : decodeCursor(nextToken, (value): value is ResultCursor => isResultCursor(value, id)).offset;
  const status = run.status;
  const rows = run.results();
  const page = rows.slice(from, from + maxItems);
  const more = !run.active && from + page.length < rows.length;
  return {
    queryLanguage: 'CWLI',
    results: page,
    statistics: run.statistics(),
    status,
    ...(more ? { nextToken: encodeCursor({ query: id, offset: from + page.length }) } : {}),
  };
}

/** Where the next page of a finished query's rows starts; a token of another query is invalid. */
interface ResultCursor {
  readonly query: string;
  readonly offset: number;
}

function isResultCursor(value: unknown, id: string): value is ResultCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { query, offset } = value as Record<string, unknown>;
  return query === id && typeof offset === 'number' && Number.isInteger(offset) && offset >= 0;
}
