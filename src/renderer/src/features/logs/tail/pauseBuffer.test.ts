import { describe, expect, it } from 'vitest';
import { PauseBuffer } from './pauseBuffer';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('PauseBuffer', () => {
  it('gives back every event in arrival order, once', () => {
    const buffer = new PauseBuffer<number>();
    buffer.push(range(0, 3));
    buffer.push([]);
    buffer.push(range(3, 8));
    expect(buffer.count).toBe(8);
    expect(buffer.takeAll()).toEqual(range(0, 8));
    expect(buffer.count).toBe(0);
    expect(buffer.takeAll()).toEqual([]);
  });

  it('drops the oldest events, across and within batches', () => {
    const buffer = new PauseBuffer<number>();
    buffer.push(range(0, 3));
    buffer.push(range(3, 6));
    buffer.push(range(6, 10));
    expect(buffer.dropOldest(2)).toBe(2);
    expect(buffer.count).toBe(8);
    expect(buffer.dropOldest(3)).toBe(3);
    expect(buffer.count).toBe(5);
    expect(buffer.takeAll()).toEqual(range(5, 10));
  });

  it('drops no more than it holds, and nothing for a count below one', () => {
    const buffer = new PauseBuffer<number>();
    buffer.push(range(0, 4));
    expect(buffer.dropOldest(0)).toBe(0);
    expect(buffer.dropOldest(-3)).toBe(0);
    expect(buffer.dropOldest(10)).toBe(4);
    expect(buffer.count).toBe(0);
    buffer.push([42]);
    expect(buffer.takeAll()).toEqual([42]);
  });

  it('keeps the batches it was given unchanged', () => {
    const batch = Object.freeze(range(0, 5));
    const buffer = new PauseBuffer<number>();
    buffer.push(batch);
    buffer.dropOldest(2);
    expect(buffer.takeAll()).toEqual([2, 3, 4]);
    expect(batch).toEqual(range(0, 5));
  });
});
