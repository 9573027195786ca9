import { describe, expect, it } from 'vitest';
import type { LogEventPage } from '../../../../../shared/contract';
import { emptyOlderPagesInARow, eventRows, eventsRequest, isCaughtUp, NEWEST_PAGE, newerPageParam, olderPageParam } from './eventPaging';

function page(messages: string[], backward: string, forward: string): LogEventPage {
  return {
    events: messages.map((message, index) => ({ timestamp: index, ingestionTime: index, message })),
    nextBackwardToken: backward,
    nextForwardToken: forward,
  };
}

describe('eventsRequest', () => {
  it('reads the newest page from the tail without a token', () => {
    expect(eventsRequest(NEWEST_PAGE)).toEqual({ startFromHead: false });
  });

  it('passes backward tokens reading from the tail', () => {
    expect(eventsRequest({ direction: 'older', token: 'b/1' })).toEqual({ startFromHead: false, nextToken: 'b/1' });
  });

  it('passes forward tokens with startFromHead, as AWS requires', () => {
    expect(eventsRequest({ direction: 'newer', token: 'f/1' })).toEqual({ startFromHead: true, nextToken: 'f/1' });
  });
});

describe('olderPageParam', () => {
  it('follows the backward token of the newest page', () => {
    expect(olderPageParam(page(['a'], 'b/1', 'f/1'), NEWEST_PAGE)).toEqual({ direction: 'older', token: 'b/1' });
  });

  it('follows a new backward token, even across an empty page', () => {
    expect(olderPageParam(page([], 'b/2', 'f/2'), { direction: 'older', token: 'b/1' })).toEqual({
      direction: 'older',
      token: 'b/2',
    });
  });

  it('stops when AWS answers with the token it was given', () => {
    expect(olderPageParam(page([], 'b/1', 'f/1'), { direction: 'older', token: 'b/1' })).toBeUndefined();
  });

  it('stops when there is no token at all', () => {
    expect(olderPageParam(page(['a'], '', ''), NEWEST_PAGE)).toBeUndefined();
  });
});

describe('newer pages', () => {
  it('always offers a newer page: the stream may grow', () => {
    const newest = page(['a'], 'b/1', 'f/1');
    expect(newerPageParam(newest, NEWEST_PAGE)).toEqual({ direction: 'newer', token: 'f/1' });
    const unchanged = page([], 'b/9', 'f/1');
    expect(newerPageParam(unchanged, { direction: 'newer', token: 'f/1' })).toEqual({ direction: 'newer', token: 'f/1' });
  });

  it('knows when a newer read brought nothing new', () => {
    expect(isCaughtUp(page([], 'b/9', 'f/1'), { direction: 'newer', token: 'f/1' })).toBe(true);
    expect(isCaughtUp(page(['x'], 'b/9', 'f/2'), { direction: 'newer', token: 'f/1' })).toBe(false);
    expect(isCaughtUp(page(['x'], 'b/1', 'f/1'), NEWEST_PAGE)).toBe(false);
  });
});

describe('eventRows', () => {
  it('flattens pages oldest first with keys that survive prepending', () => {
    const newest = page(['c', 'd'], 'b/1', 'f/1');
    const older = page(['a', 'b'], 'b/0', 'f/0');
    const before = eventRows([newest], [NEWEST_PAGE]);
    const after = eventRows([older, newest], [{ direction: 'older', token: 'b/1' }, NEWEST_PAGE]);
    expect(after.map((row) => row.event.message)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.slice(2).map((row) => row.key)).toEqual(before.map((row) => row.key));
    expect(new Set(after.map((row) => row.key)).size).toBe(4);
  });
});

describe('emptyOlderPagesInARow', () => {
  it('counts the empty older pages at the start of the stream', () => {
    const empty = page([], 'b/x', 'f/x');
    const full = page(['a'], 'b/y', 'f/y');
    const older = (token: string) => ({ direction: 'older' as const, token });
    expect(emptyOlderPagesInARow([full], [NEWEST_PAGE])).toBe(0);
    expect(emptyOlderPagesInARow([empty, empty, full], [older('b/2'), older('b/1'), NEWEST_PAGE])).toBe(2);
    expect(emptyOlderPagesInARow([empty, full, empty], [older('b/2'), older('b/1'), NEWEST_PAGE])).toBe(1);
  });

  it('does not count an empty newest page: it is not an older page', () => {
    expect(emptyOlderPagesInARow([page([], 'b/1', 'f/1')], [NEWEST_PAGE])).toBe(0);
  });
});
