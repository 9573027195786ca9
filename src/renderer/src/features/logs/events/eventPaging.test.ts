import { describe, expect, it } from 'vitest';
import type { LogEventPage } from '../../../../../shared/contract';
import { emptyPagesInARow, eventsRequest, isCaughtUp, NEWEST_PAGE, newerPageParam, olderPageParam } from './eventPaging';

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

  it('reads forward from a time, or from the oldest event', () => {
    expect(eventsRequest({ direction: 'at', time: 1_700_000_000_000 })).toEqual({ startFromHead: true, startTime: 1_700_000_000_000 });
    expect(eventsRequest({ direction: 'at', time: 0 })).toEqual({ startFromHead: true, startTime: 0 });
    expect(eventsRequest({ direction: 'at' })).toEqual({ startFromHead: true });
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

  it('follows the backward token of a page read from a time, even an empty one', () => {
    expect(olderPageParam(page([], 'b/5', 'f/5'), { direction: 'at', time: 5 })).toEqual({ direction: 'older', token: 'b/5' });
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

  it('keeps the token it had when AWS leaves the forward token out, and has none without either', () => {
    expect(newerPageParam(page([], 'b/1', ''), { direction: 'newer', token: 'f/1' })).toEqual({ direction: 'newer', token: 'f/1' });
    expect(newerPageParam(page([], '', ''), NEWEST_PAGE)).toBeUndefined();
  });

  it('knows when a newer read brought nothing new', () => {
    expect(isCaughtUp(page([], 'b/9', 'f/1'), { direction: 'newer', token: 'f/1' })).toBe(true);
    expect(isCaughtUp(page(['x'], 'b/9', 'f/2'), { direction: 'newer', token: 'f/1' })).toBe(false);
    expect(isCaughtUp(page(['x'], 'b/1', 'f/1'), NEWEST_PAGE)).toBe(false);
  });
});

describe('emptyPagesInARow', () => {
  it('counts empty pages until one brings events', () => {
    const empty = page([], 'b/x', 'f/x');
    const full = page(['a'], 'b/y', 'f/y');
    expect(emptyPagesInARow(0, empty)).toBe(1);
    expect(emptyPagesInARow(2, empty)).toBe(3);
    expect(emptyPagesInARow(2, full)).toBe(0);
  });
});
