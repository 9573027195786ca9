import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS, type EventColumn } from './columns';
import { eventLines } from './copyText';

const events = [
  { timestamp: Date.UTC(2026, 10, 30, 10, 0, 0, 5), message: 'first line\n', logGroupName: '/aws/lambda/a', logStreamName: 's1' },
  { timestamp: Date.UTC(2026, 10, 30, 10, 0, 1), message: 'two\nlines', logGroupName: '/aws/lambda/b', logStreamName: 's2' },
];

describe('eventLines', () => {
  it('writes time, the name columns shown, and the message, tab-separated, a line per event', () => {
    expect(eventLines(events, DEFAULT_COLUMNS, 'utc')).toBe('2026-11-30 10:00:00.005\ts1\tfirst line\n2026-11-30 10:00:01.000\ts2\ttwo\nlines');
  });

  it('adds the group when its column is shown and leaves out the stream when it is not', () => {
    const columns: EventColumn[] = [{ kind: 'time' }, { kind: 'group' }, { kind: 'message' }];
    expect(eventLines(events.slice(0, 1), columns, 'utc')).toBe('2026-11-30 10:00:00.005\t/aws/lambda/a\tfirst line');
  });
});
