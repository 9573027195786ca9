import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../shared/contract';
import { cutAtMillisecond, decodeCursor, encodeCursor, nextSliceLength, rangeAfter, searchIdentity, sliceOf } from './search-slices';

const event = (timestamp: number, message = String(timestamp)): FoundEvent => ({ timestamp, ingestionTime: timestamp, message, logGroupName: 'g', logStreamName: 's' });

describe('search slices', () => {
  it('takes slices from the end a search reads from and leaves the rest', () => {
    const range = { startTime: 100, endTime: 199 };
    expect(sliceOf(range, 'newest', 30)).toEqual({ startTime: 170, endTime: 199 });
    expect(rangeAfter(range, 'newest', { startTime: 170, endTime: 199 })).toEqual({ startTime: 100, endTime: 169 });
    expect(sliceOf(range, 'oldest', 30)).toEqual({ startTime: 100, endTime: 129 });
    expect(rangeAfter(range, 'oldest', { startTime: 100, endTime: 129 })).toEqual({ startTime: 130, endTime: 199 });
    expect(sliceOf(range, 'newest', 1000)).toEqual(range);
    expect(rangeAfter(range, 'newest', range)).toBeUndefined();
  });

  it('adapts the slice length to the density, within a factor of 8 at a time', () => {
    expect(nextSliceLength(1000, 0, 5000)).toBe(8000);
    expect(nextSliceLength(1000, 2500, 5000)).toBe(2000);
    expect(nextSliceLength(1000, 100_000, 5000)).toBe(125);
    expect(nextSliceLength(1, 100_000, 5000)).toBe(1);
  });

  it('cuts at a whole millisecond, keeping its ties together', () => {
    const events = [event(1), event(2), event(3, 'a'), event(3, 'b'), event(3, 'c'), event(4)];
    expect(cutAtMillisecond(events, 2, 'newest')).toEqual({ events: [event(3, 'a'), event(3, 'b'), event(3, 'c'), event(4)], resumeAt: 2 });
    expect(cutAtMillisecond(events, 3, 'oldest')).toEqual({ events: [event(1), event(2), event(3, 'a'), event(3, 'b'), event(3, 'c')], resumeAt: 4 });
    expect(cutAtMillisecond(events, 2, 'oldest')).toEqual({ events: [event(1), event(2)], resumeAt: 3 });
  });

  it('round-trips a cursor, and refuses one of another search, direction or a forged one', () => {
    const selection = { logGroupNames: ['/a'], filterPattern: 'ERROR', startTime: 0, endTime: 10 };
    const cursor = { from: 'newest' as const, resumeAt: 5, sliceLength: 60_000, search: searchIdentity(selection) };
    expect(decodeCursor(encodeCursor(cursor), 'newest', selection)).toEqual({ v: 1, ...cursor });
    // The time range is not part of a search's identity: the window may widen it.
    expect(() => decodeCursor(encodeCursor(cursor), 'newest', { ...selection, endTime: 20 })).not.toThrow();
    expect(() => decodeCursor(encodeCursor(cursor), 'oldest', selection)).toThrow();
    expect(() => decodeCursor(encodeCursor(cursor), 'newest', { ...selection, filterPattern: 'WARN' })).toThrow();
    expect(() => decodeCursor('not a cursor', 'newest', selection)).toThrow(/cursor does not belong/);
    expect(() => decodeCursor(encodeCursor({ ...cursor, resumeAt: 1.5 }), 'newest', selection)).toThrow();
  });
});
