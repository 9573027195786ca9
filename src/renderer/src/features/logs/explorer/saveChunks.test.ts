import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../../../shared/contract';
import { SAVE_ROWS_PER_CALL } from '../../../../../shared/contract/files';
import { chunksOf, SAVE_CHUNK_BYTES, savedRow } from './saveChunks';

function event(message: string): FoundEvent {
  return { timestamp: Date.UTC(2026, 10, 30, 10), ingestionTime: Date.UTC(2026, 10, 30, 10, 0, 1), message, logGroupName: '/g', logStreamName: 's' };
}

describe('saving loaded events', () => {
  it('writes every field of an event, with its time in ISO form', () => {
    expect(savedRow(event('hello'))).toEqual({
      time: '2026-11-30T10:00:00.000Z',
      timestamp: Date.UTC(2026, 10, 30, 10),
      logGroupName: '/g',
      logStreamName: 's',
      message: 'hello',
      ingestionTime: Date.UTC(2026, 10, 30, 10, 0, 1),
      eventId: null,
    });
  });

  it('cuts chunks by row count and by size, covering every event once', () => {
    const small = [...chunksOf(25_000, () => event('x'))];
    expect(small).toEqual([
      [0, SAVE_ROWS_PER_CALL],
      [SAVE_ROWS_PER_CALL, 2 * SAVE_ROWS_PER_CALL],
      [2 * SAVE_ROWS_PER_CALL, 25_000],
    ]);
    const big = event('y'.repeat(1_000_000));
    const large = [...chunksOf(10, () => big)];
    expect(large.every(([from, to]) => to - from <= Math.ceil(SAVE_CHUNK_BYTES / 1_000_000))).toBe(true);
    expect(large.flatMap(([from, to]) => Array.from({ length: to - from }, (_, index) => from + index))).toEqual([...Array(10).keys()]);
    expect([...chunksOf(0, () => undefined)]).toEqual([]);
  });
});
