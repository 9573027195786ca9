/**
 * One Logs Insights query from start to end: a slot under the concurrency quota, StartQuery (waiting
 * and retrying while AWS says the account's quota is in use), then GetQueryResults under its rate quota
 * with a growing interval until the status is final. Leaving early (Stop, a closed tab) stops the query
 * on the server, so it does not keep scanning, billing and holding a slot.
 */
import type {
  CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetQueryResultsCommand,
  MalformedQueryException,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { QueryStatistics, QueryStatus, QueryUpdate } from '../../../shared/contract';
import { INSIGHTS_RESULTS_CAP, isFinalStatus, QUERY_STATUSES } from '../../../shared/contract/insights-rules';
import { apiError } from '../../../shared/errors';
import { plural } from '../../../shared/format';
import { paced } from '../paced';
import type { ScopedClient } from '../session';
import { sleep } from '../sleep';
import type { QuerySlots } from './query-slots';
import { toRows, toStatistics } from './results';

/** A query as the handlers receive it, validated. */
export interface ParsedQuery {
  readonly logGroupNames: readonly string[];
  readonly queryString: string;
  readonly startTime: number;
  readonly endTime: number;
}

/** The first poll comes soon (small queries end in well under a second), later ones further apart. */
export const FIRST_POLL_MS = 250;
export const MAX_POLL_MS = 2_000;
const POLL_GROWTH = 1.5;

/** Waits between StartQuery attempts that AWS refused for the account's concurrency quota. */
const QUOTA_RETRY_MS = [2_000, 4_000, 8_000, 15_000] as const;

/** The wait before poll number `poll` (0-based). */
export function pollDelay(poll: number): number {
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * POLL_GROWTH ** poll));
}

export interface RunOptions {
  readonly slots: QuerySlots;
  /** StartQuery's `limit`; AWS's default (and cap) is 10,000. */
  readonly limit?: number;
  readonly signal: AbortSignal;
}

/** StartQuery counts in whole seconds, both ends included. */
export function querySeconds(range: { readonly startTime: number; readonly endTime: number }): { startTime: number; endTime: number } {
  return { startTime: Math.floor(range.startTime / 1000), endTime: Math.floor(range.endTime / 1000) };
}

export async function* runQuery(scoped: ScopedClient<CloudWatchLogsClient>, query: ParsedQuery, options: RunOptions): AsyncGenerator<QueryUpdate> {
  const { slots, signal } = options;
  if (slots.full) {
    yield {
      type: 'waiting',
      reason: 'app-quota',
      message: `The app is running ${plural(slots.inUse, 'query', 'queries')}, AWS's limit of concurrent Logs Insights queries per account; this one starts when one of them ends.`,
    };
  }
  const release = await slots.acquire(signal);
  let queryId: string | undefined;
  let final = false;
  try {
    for (let attempt = 0; queryId === undefined; attempt += 1) {
      try {
        queryId = await startQuery(scoped, query, options.limit, signal);
      } catch (error) {
        if (!isConcurrencyRefusal(error)) throw error;
        yield {
          type: 'waiting',
          reason: 'account-quota',
          message:
            "AWS refused to start the query: the account's concurrent Logs Insights queries (from every tool and dashboard) " +
            'are at its quota. It is tried again until a slot frees up.',
        };
        await sleep(QUOTA_RETRY_MS[Math.min(attempt, QUOTA_RETRY_MS.length - 1)] ?? 15_000, signal);
      }
    }
    yield { type: 'started', queryId };

    let lastStatus: QueryStatus | undefined;
    let lastStatistics: QueryStatistics | undefined;
    let lastRows = -1;
    for (let poll = 0; ; poll += 1) {
      await sleep(pollDelay(poll), signal);
      const output = await scoped.client.send(
        paced(new GetQueryResultsCommand({ queryId }), scoped.limiter('GetQueryResults'), signal),
        { abortSignal: signal },
      );
      const status = toStatus(output.status);
      const statistics = toStatistics(output.statistics);
      final = isFinalStatus(status);
      if (status !== lastStatus || !sameStatistics(statistics, lastStatistics)) {
        yield { type: 'status', status, statistics };
      }
      const results = output.results ?? [];
      // Aggregations change their values as more is scanned, not only their row count.
      if (final || results.length !== lastRows || statistics.recordsMatched !== lastStatistics?.recordsMatched) {
        yield { type: 'results', ...toRows(results) };
      }
      lastStatus = status;
      lastStatistics = statistics;
      lastRows = results.length;
      if (final) {
        yield { type: 'done', status, statistics, capped: status === 'Complete' && results.length >= (options.limit ?? INSIGHTS_RESULTS_CAP) };
        return;
      }
    }
  } finally {
    release();
    if (queryId !== undefined && !final) await stopQuietly(scoped.client, queryId);
  }
}

async function startQuery(
  { client, limiter }: ScopedClient<CloudWatchLogsClient>,
  query: ParsedQuery,
  limit: number | undefined,
  signal: AbortSignal,
): Promise<string> {
  try {
    const command = new StartQueryCommand({
      logGroupNames: [...query.logGroupNames],
      queryString: query.queryString,
      ...querySeconds(query),
      ...(limit === undefined ? {} : { limit }),
    });
    const output = await client.send(paced(command, limiter('StartQuery'), signal), { abortSignal: signal });
    if (!output.queryId) throw apiError('Internal', 'StartQuery returned no query id.');
    return output.queryId;
  } catch (error) {
    if (error instanceof MalformedQueryException || (error as { name?: string }).name === 'MalformedQueryException') {
      throw malformed(error as MalformedQueryException, query.queryString);
    }
    throw error;
  }
}

/** AWS's MalformedQueryException, with the position of the mistake for the editor to mark. */
function malformed(error: MalformedQueryException, queryString: string) {
  const compile = error.queryCompileError;
  const reason = compile?.message ?? error.message ?? 'the query is not valid';
  const start = compile?.location?.startCharOffset;
  const end = compile?.location?.endCharOffset;
  const located = typeof start === 'number' && start >= 0;
  const location = located ? { start, end: Math.max(start, Math.min(typeof end === 'number' ? end : start, queryString.length)) } : undefined;
  const where = location ? ` (at character ${location.start + 1})` : '';
  return apiError('InvalidInput', `AWS could not read the query${where}: ${reason}`, {
    awsCode: 'MalformedQueryException',
    ...(error.$metadata?.requestId ? { requestId: error.$metadata.requestId } : {}),
    ...(location ? { details: { queryErrorLocation: location } } : {}),
  });
}

/** StartQuery's LimitExceededException (not retried by the SDK, see aws-clients.ts): the account runs its quota of concurrent queries. */
function isConcurrencyRefusal(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'LimitExceededException';
}

function toStatus(status: string | undefined): QueryStatus {
  return (QUERY_STATUSES as readonly string[]).includes(status ?? '') ? (status as QueryStatus) : 'Unknown';
}

function sameStatistics(a: QueryStatistics, b: QueryStatistics | undefined): boolean {
  return b !== undefined && a.recordsMatched === b.recordsMatched && a.recordsScanned === b.recordsScanned && a.bytesScanned === b.bytesScanned;
}

/** StopQuery after the caller left: its own short deadline, since the caller's signal has aborted. */
export async function stopQuietly(client: CloudWatchLogsClient, queryId: string): Promise<void> {
  try {
    await client.send(new StopQueryCommand({ queryId }), { abortSignal: AbortSignal.timeout(5_000) });
  } catch {
    // The query may have ended meanwhile (InvalidParameterException), or the scope closed: nothing to stop.
  }
}
