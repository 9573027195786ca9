import { GetQueryResultsCommand, StartQueryCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { AdaptiveRateLimiter } from '../rate-limiter';
import type { ScopedClient } from '../session';
import { QuerySlots } from './query-slots';
import { MAX_POLL_MS, pollDelay, querySeconds, runQuery } from './run';

describe('pollDelay', () => {
  it('starts soon and grows to a ceiling', () => {
    const delays = Array.from({ length: 12 }, (_, poll) => pollDelay(poll));
    expect(delays[0]).toBe(250);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(delays.at(-1)).toBe(MAX_POLL_MS);
  });
});

describe('querySeconds', () => {
  it('turns a millisecond range into the whole seconds StartQuery takes', () => {
    expect(querySeconds({ startTime: 1_700_000_000_999, endTime: 1_700_000_100_500 })).toEqual({ startTime: 1_700_000_000, endTime: 1_700_000_100 });
  });
});

describe('runQuery', () => {
  /** A client that starts query "q1" and answers GetQueryResults from `answers`, one per poll. */
  function fakeScope(answers: Array<{ status: string; results?: { field: string; value: string }[][] }>) {
    const sent: string[] = [];
    const client = {
      send: async (command: object) => {
        sent.push(command.constructor.name);
        if (command instanceof StartQueryCommand) return { queryId: 'q1' };
        if (command instanceof GetQueryResultsCommand) {
          const answer = answers.shift() ?? { status: 'Running' };
          return { status: answer.status, results: answer.results ?? [], statistics: { recordsMatched: 1, recordsScanned: 2, bytesScanned: 3 } };
        }
        return { success: true };
      },
    };
    const scoped = { client, abortSignal: new AbortController().signal, limiter: () => new AdaptiveRateLimiter({ initialRate: 1000 }) };
    return { scoped: scoped as unknown as ScopedClient<CloudWatchLogsClient>, sent };
  }
  const query = { logGroupNames: ['/a'], queryString: 'fields @message', startTime: 0, endTime: 1000 };

  it('waits for a slot when the app runs its quota of queries, says so, and runs when one frees up', async () => {
    const slots = new QuerySlots(1);
    const held = await slots.acquire(new AbortController().signal);
    const { scoped, sent } = fakeScope([{ status: 'Complete', results: [[{ field: '@message', value: 'hello' }]] }]);
    const updates = runQuery(scoped, query, { slots, signal: new AbortController().signal });
    expect((await updates.next()).value).toMatchObject({ type: 'waiting', reason: 'app-quota', message: expect.stringContaining('The app is running 1 query,') });
    const next = updates.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toEqual([]);
    held();
    expect((await next).value).toEqual({ type: 'started', queryId: 'q1' });
    const rest: unknown[] = [];
    for await (const update of updates) rest.push(update);
    expect(rest).toEqual([
      { type: 'status', status: 'Complete', statistics: { recordsMatched: 1, recordsScanned: 2, bytesScanned: 3 } },
      { type: 'results', fields: ['@message'], rows: [{ '@message': 'hello' }] },
      { type: 'done', status: 'Complete', statistics: { recordsMatched: 1, recordsScanned: 2, bytesScanned: 3 }, capped: false },
    ]);
    expect(slots.inUse).toBe(0);
    expect(sent).not.toContain('StopQueryCommand');
  });

  it('stops the query at AWS when the caller leaves before it ends, and frees its slot', async () => {
    const slots = new QuerySlots(1);
    const { scoped, sent } = fakeScope([{ status: 'Running' }]);
    const updates = runQuery(scoped, query, { slots, signal: new AbortController().signal });
    expect((await updates.next()).value).toMatchObject({ type: 'started' });
    expect((await updates.next()).value).toMatchObject({ type: 'status', status: 'Running' });
    await updates.return(undefined);
    expect(sent.at(-1)).toBe('StopQueryCommand');
    expect(slots.inUse).toBe(0);
  });
});
