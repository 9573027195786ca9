import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { filterLogEvents, FILTER_SCAN_BUDGET } from './filter-log-events';

const T0 = Date.UTC(2025, 0, 15, 0, 0, 0);

interface Filtered {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

/** Group `g` with the given streams, each event `[secondsAfterT0, message]`, ingested 1 s later. */
function withStreams(streams: Record<string, readonly (readonly [number, string])[]>): LogsHarness {
  const aws = new LogsHarness();
  const group = aws.logs.createGroup({ name: 'g', creationTime: T0 });
  for (const [name, events] of Object.entries(streams)) {
    const stream = group.createStream(name, T0);
    group.ingest(
      stream,
      events.map(([seconds, message]) => ({ timestamp: T0 + seconds * 1000, message, size: Buffer.byteLength(message) })),
      (event) => event.timestamp + 1000,
    );
  }
  return aws;
}

function filterAll(aws: LogsHarness, request: object): { events: Filtered[]; calls: number } {
  const events: Filtered[] = [];
  let calls = 0;
  let nextToken: string | undefined;
  do {
    const page = aws.call(filterLogEvents, { logGroupName: 'g', ...request, ...(nextToken ? { nextToken } : {}) });
    calls++;
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  return { events, calls };
}

const labels = (events: readonly Filtered[]) => events.map((event) => `${event.logStreamName}:${event.message}`);

describe('FilterLogEvents', () => {
  it('interleaves all streams in time order, with stream name, ingestion time and a unique event ID', () => {
    const aws = withStreams({
      a: [[1, 'a1'], [4, 'a4']],
      b: [[2, 'b2'], [3, 'b3'], [5, 'b5']],
      empty: [],
    });
    const page = aws.call(filterLogEvents, { logGroupName: 'g' });
    expect(labels(page.events)).toEqual(['a:a1', 'b:b2', 'b:b3', 'a:a4', 'b:b5']);
    expect(page.events[0]).toEqual({
      logStreamName: 'a',
      timestamp: T0 + 1000,
      message: 'a1',
      ingestionTime: T0 + 2000,
      eventId: expect.stringMatching(/^\d{56}$/),
    });
    expect(new Set(page.events.map((event: Filtered) => event.eventId)).size).toBe(5);
    expect(page.searchedLogStreams).toEqual([]);
    expect(page).not.toHaveProperty('nextToken');
  });

  it('breaks timestamp ties by ingestion time, then stream name', () => {
    const aws = new LogsHarness();
    const group = aws.logs.createGroup({ name: 'g', creationTime: T0 });
    for (const [name, ingested] of [['b', 5], ['a', 5], ['c', 1]] as const) {
      group.ingest(group.createStream(name, T0), [{ timestamp: T0, message: name, size: 1 }], () => T0 + ingested);
    }
    expect(labels(aws.call(filterLogEvents, { logGroupName: 'g' }).events)).toEqual(['c:c', 'a:a', 'b:b']);
  });

  it('keeps events matching the filter pattern', () => {
    const aws = withStreams({ app: [[1, 'INFO started'], [2, 'ERROR failed to connect'], [3, 'INFO ok'], [4, 'ERROR again']] });
    expect(labels(filterAll(aws, { filterPattern: 'ERROR' }).events)).toEqual(['app:ERROR failed to connect', 'app:ERROR again']);
    expect(filterAll(aws, { filterPattern: '' }).events).toHaveLength(4);
  });

  it('includes both startTime and endTime', () => {
    const aws = withStreams({ s: [[1, 'e1'], [2, 'e2'], [3, 'e3'], [4, 'e4']] });
    expect(labels(filterAll(aws, { startTime: T0 + 2000, endTime: T0 + 3000 }).events)).toEqual(['s:e2', 's:e3']);
  });

  it('searches only the named streams, or the streams under a prefix', () => {
    const aws = withStreams({ 'web/1': [[1, 'w1']], 'web/2': [[2, 'w2']], worker: [[3, 'k']], 'web/3': [[4, 'w3']] });
    expect(labels(filterAll(aws, { logStreamNames: ['worker', 'web/1', 'missing'] }).events)).toEqual(['web/1:w1', 'worker:k']);
    expect(labels(filterAll(aws, { logStreamNamePrefix: 'web/' }).events)).toEqual(['web/1:w1', 'web/2:w2', 'web/3:w3']);
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', logStreamNames: ['web/1'], logStreamNamePrefix: 'web' }).code).toBe(
      'InvalidParameterException',
    );
  });

  it('pages with nextToken without losing or repeating events, and omits it on the last page', () => {
    const streams: Record<string, [number, string][]> = {};
    for (let s = 0; s < 7; s++) streams[`s${s}`] = Array.from({ length: 50 }, (_, i) => [i * 7 + s, `m${i * 7 + s}`]);
    const aws = withStreams(streams);
    const { events, calls } = filterAll(aws, { limit: 33 });
    expect(events.map((event) => event.message)).toEqual(Array.from({ length: 350 }, (_, i) => `m${i}`));
    expect(calls).toBe(11);
  });

  it('continues after events that arrive while paging', () => {
    const aws = withStreams({ s: [[1, 'e1'], [2, 'e2']] });
    const first = aws.call(filterLogEvents, { logGroupName: 'g', limit: 1 });
    const group = aws.logs.group('g');
    const stream = group?.stream('s');
    if (group === undefined || stream === undefined) throw new Error('setup');
    group.ingest(stream, [{ timestamp: T0 + 3000, message: 'e3', size: 2 }], () => T0 + 9000);
    const rest = aws.call(filterLogEvents, { logGroupName: 'g', nextToken: first.nextToken });
    expect(rest.events.map((event: Filtered) => event.message)).toEqual(['e2', 'e3']);
  });

  it('returns at most about 1 MB per page', () => {
    const big = 'x'.repeat(100_000);
    const aws = withStreams({ s: Array.from({ length: 25 }, (_, i) => [i, big] as const) });
    const page = aws.call(filterLogEvents, { logGroupName: 'g' });
    expect(page.events).toHaveLength(10); // 10 × 100,026 bytes fit in 1,048,576
    expect(filterAll(aws, {}).events).toHaveLength(25);
  });

  it('stops after examining its budget of events, returning a partial (here empty) page and a nextToken', () => {
    const aws = new LogsHarness();
    const group = aws.logs.createGroup({ name: 'g', creationTime: T0 });
    const count = FILTER_SCAN_BUDGET + 10;
    const events = Array.from({ length: count }, (_, i) => ({ timestamp: T0 + i, message: i === count - 1 ? 'needle' : 'hay', size: 3 }));
    group.ingest(group.createStream('s', T0), events, () => T0);
    const first = aws.call(filterLogEvents, { logGroupName: 'g', filterPattern: 'needle' });
    expect(first.events).toEqual([]);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = aws.call(filterLogEvents, { logGroupName: 'g', filterPattern: 'needle', nextToken: first.nextToken });
    expect(second.events.map((event: Filtered) => event.message)).toEqual(['needle']);
    expect(second).not.toHaveProperty('nextToken');
  });

  it('validates input as AWS does', () => {
    const aws = withStreams({ s: [] });
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', limit: 10_001 }).message).toContain('less than or equal to 10000');
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', logStreamNames: Array.from({ length: 101 }, (_, i) => `s${i}`) }).message).toContain(
      "at 'logStreamNames' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', filterPattern: 'x'.repeat(1025) }).message).toContain(
      'Member must have length less than or equal to 1024',
    );
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', nextToken: 'nope' }).message).toBe('The specified nextToken is invalid.');
    expect(aws.fail(filterLogEvents, { logGroupName: 'nope' }).code).toBe('ResourceNotFoundException');
  });
});
