import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { getLogEvents } from './get-log-events';

const T0 = Date.UTC(2025, 0, 15, 0, 0, 0);

/** A stream `s` in group `g` holding events at T0 + i seconds with messages `e<i>`. */
function withEvents(count: number, messageSize = 0): LogsHarness {
  const aws = new LogsHarness();
  const group = aws.logs.createGroup({ name: 'g', creationTime: T0 });
  const stream = group.createStream('s', T0);
  const padding = 'x'.repeat(messageSize);
  group.ingest(
    stream,
    Array.from({ length: count }, (_, i) => ({ timestamp: T0 + i * 1000, message: `e${i}${padding}`, size: `e${i}${padding}`.length })),
    (event) => event.timestamp + 500,
  );
  return aws;
}

interface Page {
  events: { timestamp: number; message: string; ingestionTime: number }[];
  nextForwardToken: string;
  nextBackwardToken: string;
}

function get(aws: LogsHarness, request: object): Page {
  return aws.call(getLogEvents, { logGroupName: 'g', logStreamName: 's', ...request });
}

const messages = (page: Page) => page.events.map((event) => event.message);

/** Follows one direction's token until AWS’s end-of-stream signal: the same token comes back. */
function readAll(aws: LogsHarness, request: object, direction: 'nextForwardToken' | 'nextBackwardToken'): { pages: string[][]; calls: number } {
  const pages: string[][] = [];
  let page = get(aws, request);
  let calls = 1;
  pages.push(messages(page));
  for (;;) {
    const token = page[direction];
    page = get(aws, { ...request, nextToken: token });
    calls++;
    if (page[direction] === token) {
      expect(page.events).toEqual([]);
      return { pages, calls };
    }
    pages.push(messages(page));
  }
}

describe('GetLogEvents', () => {
  it('returns the newest events by default, oldest first within the page, with ingestion times', () => {
    const page = get(withEvents(10), { limit: 3 });
    expect(page.events).toEqual([
      { timestamp: T0 + 7000, message: 'e7', ingestionTime: T0 + 7500 },
      { timestamp: T0 + 8000, message: 'e8', ingestionTime: T0 + 8500 },
      { timestamp: T0 + 9000, message: 'e9', ingestionTime: T0 + 9500 },
    ]);
    expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(page.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
  });

  it('pages forward from the head until the same forward token comes back', () => {
    const aws = withEvents(10);
    const { pages } = readAll(aws, { startFromHead: true, limit: 4 }, 'nextForwardToken');
    expect(pages).toEqual([
      ['e0', 'e1', 'e2', 'e3'],
      ['e4', 'e5', 'e6', 'e7'],
      ['e8', 'e9'],
    ]);
  });

  it('pages backward from the tail until the same backward token comes back', () => {
    const aws = withEvents(10);
    const { pages } = readAll(aws, { limit: 4 }, 'nextBackwardToken');
    expect(pages).toEqual([
      ['e6', 'e7', 'e8', 'e9'],
      ['e2', 'e3', 'e4', 'e5'],
      ['e0', 'e1'],
    ]);
  });

  it('includes startTime and excludes endTime', () => {
    const aws = withEvents(10);
    expect(messages(get(aws, { startFromHead: true, startTime: T0 + 2000, endTime: T0 + 5000 }))).toEqual(['e2', 'e3', 'e4']);
    expect(messages(get(aws, { startTime: T0 + 2000, endTime: T0 + 5000, limit: 2 }))).toEqual(['e3', 'e4']);
    expect(messages(get(aws, { startTime: T0 + 50_000 }))).toEqual([]);
    expect(messages(get(aws, { startTime: T0 + 5000, endTime: T0 + 1000 }))).toEqual([]);
  });

  it('keeps pages within the time range while paging', () => {
    const aws = withEvents(10);
    const { pages } = readAll(aws, { startFromHead: true, startTime: T0 + 3000, endTime: T0 + 8000, limit: 2 }, 'nextForwardToken');
    expect(pages.flat()).toEqual(['e3', 'e4', 'e5', 'e6', 'e7']);
  });

  it('lets a caller at the end pick up events that arrive later (tailing)', () => {
    const aws = withEvents(3);
    const { pages } = readAll(aws, { startFromHead: true }, 'nextForwardToken');
    expect(pages.flat()).toEqual(['e0', 'e1', 'e2']);
    const end = get(aws, { startFromHead: true });
    const atEnd = get(aws, { nextToken: end.nextForwardToken });
    expect(atEnd.events).toEqual([]);
    expect(atEnd.nextForwardToken).toBe(end.nextForwardToken);
    const group = aws.logs.group('g');
    const stream = group?.stream('s');
    if (group === undefined || stream === undefined) throw new Error('setup');
    group.ingest(stream, [{ timestamp: T0 + 60_000, message: 'late', size: 4 }], () => T0 + 61_000);
    expect(messages(get(aws, { nextToken: atEnd.nextForwardToken }))).toEqual(['late']);
  });

  it('returns tokens for an empty stream, and the same token again', () => {
    const aws = withEvents(0);
    const first = get(aws, {});
    expect(first.events).toEqual([]);
    expect(get(aws, { nextToken: first.nextForwardToken }).nextForwardToken).toBe(first.nextForwardToken);
    expect(get(aws, { nextToken: first.nextBackwardToken }).nextBackwardToken).toBe(first.nextBackwardToken);
  });

  it('returns at most 10,000 events, and at most about 1 MB', () => {
    expect(get(withEvents(10_050), { startFromHead: true }).events).toHaveLength(10_000);
    // Messages of ~10,000 bytes count 26 bytes each on top: 104 fit in 1,048,576 bytes.
    const big = withEvents(300, 10_000);
    const page = get(big, { startFromHead: true });
    expect(page.events).toHaveLength(104);
    const { pages } = readAll(big, { startFromHead: true }, 'nextForwardToken');
    expect(pages.flat()).toHaveLength(300);
  });

  describe('context around a match (the N events before and after a timestamp)', () => {
    /** e0…e9 one second apart, then three more events in the millisecond of e5: e5a, e5b, e5c. */
    function withBurst(): LogsHarness {
      const aws = withEvents(10);
      const group = aws.logs.group('g');
      const stream = group?.stream('s');
      if (group === undefined || stream === undefined) throw new Error('setup');
      group.ingest(stream, ['e5a', 'e5b', 'e5c'].map((message) => ({ timestamp: T0 + 5000, message, size: 3 })), () => T0 + 9000);
      return aws;
    }
    const MATCH = T0 + 5000;

    it('before: the newest N events strictly before the timestamp, oldest first', () => {
      const aws = withBurst();
      expect(messages(get(aws, { startFromHead: false, endTime: MATCH, limit: 3 }))).toEqual(['e2', 'e3', 'e4']);
      expect(messages(get(aws, { startFromHead: false, endTime: MATCH, limit: 50 }))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    });

    it('after: the oldest N events from the timestamp on, the match and its millisecond first, in arrival order', () => {
      const aws = withBurst();
      expect(messages(get(aws, { startFromHead: true, startTime: MATCH, limit: 4 }))).toEqual(['e5', 'e5a', 'e5b', 'e5c']);
      expect(messages(get(aws, { startFromHead: true, startTime: MATCH, limit: 6 }))).toEqual(['e5', 'e5a', 'e5b', 'e5c', 'e6', 'e7']);
    });

    it('pages further out with the tokens, and says so at the edges by returning the token it was given', () => {
      const aws = withBurst();
      const before = get(aws, { startFromHead: false, endTime: MATCH, limit: 2 });
      expect(messages(before)).toEqual(['e3', 'e4']);
      const older = get(aws, { startFromHead: false, endTime: MATCH, limit: 2, nextToken: before.nextBackwardToken });
      expect(messages(older)).toEqual(['e1', 'e2']);
      // Toward the match the range ends: nothing newer than e4 before the timestamp.
      const towardMatch = get(aws, { startFromHead: false, endTime: MATCH, limit: 2, nextToken: before.nextForwardToken });
      expect(towardMatch.events).toEqual([]);
      expect(towardMatch.nextForwardToken).toBe(before.nextForwardToken);

      const after = get(aws, { startFromHead: true, startTime: MATCH, limit: 2 });
      expect(messages(after)).toEqual(['e5', 'e5a']);
      const newer = get(aws, { startFromHead: true, startTime: MATCH, limit: 3, nextToken: after.nextForwardToken });
      expect(messages(newer)).toEqual(['e5b', 'e5c', 'e6']);
      const backToMatch = get(aws, { startFromHead: true, startTime: MATCH, limit: 2, nextToken: after.nextBackwardToken });
      expect(backToMatch.events).toEqual([]);
      expect(backToMatch.nextBackwardToken).toBe(after.nextBackwardToken);
      // Without the time range, the same backward token reaches the events before the match.
      expect(messages(get(aws, { limit: 2, nextToken: after.nextBackwardToken }))).toEqual(['e3', 'e4']);
    });
  });

  it('validates input and reports what is missing', () => {
    const aws = withEvents(1);
    expect(aws.fail(getLogEvents, { logGroupName: 'g', logStreamName: 's', limit: 10_001 }).message).toBe(
      "1 validation error detected: Value '10001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    expect(aws.fail(getLogEvents, { logGroupName: 'g', logStreamName: 's', nextToken: 'f/1/s' }).message).toBe(
      'The specified nextToken is invalid.',
    );
    expect(aws.fail(getLogEvents, { logGroupName: 'g', logStreamName: 'nope' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
    expect(aws.fail(getLogEvents, { logGroupName: 'nope', logStreamName: 's' }).message).toBe('The specified log group does not exist.');
    expect(aws.fail(getLogEvents, { logGroupName: 'g' }).message).toContain("Value null at 'logStreamName'");
    expect(aws.call(getLogEvents, { logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:g', logStreamName: 's' }).events).toHaveLength(1);
  });
});
