import { describe, expect, it } from 'vitest';
import { INSIGHTS_RESULTS_RETENTION_MS } from '../../../../shared/languages/insights';
import { INSIGHTS_SETTINGS, type InsightsSettings } from '../insights/settings';
import { LogsHarness } from '../test-harness';
import { getLogRecord } from './get-log-record';
import { getQueryResults } from './get-query-results';
import { startQuery } from './start-query';

const T0 = Date.UTC(2025, 0, 15, 0, 0, 0);

/** Group `g` with `count` events one second apart from T0 (`e<i>`, every tenth an ERROR). */
function withEvents(count: number, settings: Partial<InsightsSettings> = {}): LogsHarness {
  const aws = new LogsHarness(T0 + count * 1000);
  aws.state.store(INSIGHTS_SETTINGS).configure({ scheduledMs: 0, ...settings });
  const group = aws.logs.createGroup({ name: 'g', creationTime: T0 });
  const stream = group.createStream('s', T0);
  group.ingest(
    stream,
    Array.from({ length: count }, (_, i) => {
      const message = `${i % 10 === 0 ? 'ERROR' : 'INFO'} e${i}`;
      return { timestamp: T0 + i * 1000, message, size: message.length };
    }),
    (event) => event.timestamp,
  );
  return aws;
}

function start(aws: LogsHarness, queryString: string, extra: object = {}): string {
  return aws.call(startQuery, { logGroupName: 'g', startTime: T0 / 1000, endTime: T0 / 1000 + 86_400, queryString, ...extra }).queryId;
}

// Responses are plain JSON; tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function finished(aws: LogsHarness, queryId: string, request: object = {}): Promise<any> {
  for (;;) {
    const answer = aws.call(getQueryResults, { queryId, ...request });
    if (answer.status !== 'Scheduled' && answer.status !== 'Running') return answer;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('StartQuery', () => {
  it('returns at most 10,000 rows by default while counting every match', async () => {
    const aws = withEvents(10_050);
    const answer = await finished(aws, start(aws, 'fields @message'));
    expect(answer.status).toBe('Complete');
    expect(answer.results).toHaveLength(10_000);
    expect(answer.statistics).toEqual({ recordsMatched: 10_050, recordsScanned: 10_050, bytesScanned: expect.any(Number) as number, logGroupsScanned: 1 });
    expect(answer.nextToken).toBeUndefined();
  });

  it('returns up to its limit, newest first, in pages of maxItems (10,000 at most) joined by nextToken', async () => {
    const aws = withEvents(12_000);
    const queryId = start(aws, 'fields @message', { limit: 11_000 });
    const first = await finished(aws, queryId);
    expect(first.results).toHaveLength(10_000);
    const second = aws.call(getQueryResults, { queryId, nextToken: first.nextToken });
    expect(second.results).toHaveLength(1_000);
    expect(second.nextToken).toBeUndefined();
    const small = aws.call(getQueryResults, { queryId, maxItems: 3 });
    expect(small.results.map((row: Array<{ field: string; value: string }>) => row.find((field) => field.field === '@message')?.value)).toEqual(['INFO e11999', 'INFO e11998', 'INFO e11997']);
    expect(aws.fail(getQueryResults, { queryId, nextToken: 'bogus' }).code).toBe('InvalidParameterException');
  });

  it('honours the query’s own limit command under the cap', async () => {
    const aws = withEvents(100);
    const answer = await finished(aws, start(aws, 'filter @message like /ERROR/ | limit 3'));
    expect(answer.results).toHaveLength(3);
    expect(answer.statistics.recordsMatched).toBe(10);
  });

  it('stops scanning once a limit any has its events', async () => {
    const aws = withEvents(1000);
    const answer = await finished(aws, start(aws, 'filter @message like /ERROR/ | limit any 2'));
    expect(answer.results).toHaveLength(2);
    expect(answer.statistics).toMatchObject({ recordsMatched: 2, recordsScanned: 11 });
  });

  it('returns as many rows as the query’s own limit asks, beyond 10,000', async () => {
    const aws = withEvents(10_500);
    const queryId = start(aws, 'fields @message | limit 10200');
    const first = await finished(aws, queryId);
    expect(first.results).toHaveLength(10_000);
    expect(aws.call(getQueryResults, { queryId, nextToken: first.nextToken }).results).toHaveLength(200);
  });

  it('includes the whole end second and nothing before the start second', async () => {
    const aws = withEvents(100);
    const answer = await finished(aws, start(aws, 'stats count(*) as n', { startTime: T0 / 1000 + 10, endTime: T0 / 1000 + 19 }));
    expect(answer.results).toEqual([[{ field: 'n', value: '10' }]]);
  });

  it('ends a query that runs past the time limit with Timeout, keeping what it found', async () => {
    const aws = withEvents(10_000, { eventsPerSecond: 200, timeoutMs: 120 });
    const answer = await finished(aws, start(aws, 'stats count(*) as n'));
    expect(answer.status).toBe('Timeout');
    expect(answer.statistics.recordsScanned).toBeLessThan(10_000);
  });

  it('reads groups by ARN in logGroupIdentifiers', async () => {
    const aws = withEvents(5);
    const queryId = aws.call(startQuery, {
      logGroupIdentifiers: [aws.logs.groupArn('g')],
      startTime: T0 / 1000,
      endTime: T0 / 1000 + 60,
      queryString: 'stats count(*) as n',
    }).queryId;
    expect((await finished(aws, queryId)).results).toEqual([[{ field: 'n', value: '5' }]]);
  });

  it('refuses requests without exactly one way of naming groups, and other languages', () => {
    const aws = withEvents(1);
    const base = { startTime: 0, endTime: 1, queryString: 'fields @message' };
    expect(aws.fail(startQuery, base).message).toBe('Specify exactly one of logGroupName, logGroupNames and logGroupIdentifiers.');
    expect(aws.fail(startQuery, { ...base, logGroupName: 'g', logGroupNames: ['g'] }).code).toBe('InvalidParameterException');
    expect(aws.fail(startQuery, { ...base, logGroupNames: [] }).message).toBe('Specify at least one log group to query.');
    expect(aws.fail(startQuery, { ...base, logGroupName: 'g', queryLanguage: 'SQL' }).code).toBe('InvalidParameterException');
    expect(aws.fail(startQuery, { logGroupName: 'g', endTime: 1, queryString: 'fields @message' }).code).toBe('InvalidParameterException');
    expect(aws.fail(startQuery, { ...base, logGroupName: 'g', limit: 100_001 }).code).toBe('InvalidParameterException');
  });

  it('refuses a query that parses but cannot run, with its position', () => {
    const aws = withEvents(1);
    const queryString = 'stats count(*) as n | sort sum(bytes) desc';
    const error = aws.fail(startQuery, { logGroupName: 'g', startTime: 0, endTime: 1, queryString });
    expect(error.code).toBe('MalformedQueryException');
    const location = (error.fields.queryCompileError as { location: { startCharOffset: number; endCharOffset: number } }).location;
    expect(queryString.slice(location.startCharOffset, location.endCharOffset)).toBe('sum(bytes) desc');
  });

  it('forgets queries seven days after they started', async () => {
    const aws = withEvents(3);
    const queryId = start(aws, 'fields @message');
    await finished(aws, queryId);
    aws.now += INSIGHTS_RESULTS_RETENTION_MS + 1;
    expect(aws.fail(getQueryResults, { queryId }).code).toBe('ResourceNotFoundException');
  });
});

describe('GetLogRecord', () => {
  it('finds the event of an @ptr, and says when it is gone', async () => {
    const aws = withEvents(3);
    const answer = await finished(aws, start(aws, 'filter @message = "INFO e2"'));
    const ptr = (answer.results[0] as Array<{ field: string; value: string }>).find((field) => field.field === '@ptr')?.value;
    expect(aws.call(getLogRecord, { logRecordPointer: ptr }).logRecord).toEqual({
      '@timestamp': String(T0 + 2000),
      '@message': 'INFO e2',
      '@logStream': 's',
      '@log': '123456789012:g',
      '@ingestionTime': String(T0 + 2000),
    });
    aws.logs.deleteGroup('g');
    expect(aws.fail(getLogRecord, { logRecordPointer: ptr }).code).toBe('ResourceNotFoundException');
  });
});
