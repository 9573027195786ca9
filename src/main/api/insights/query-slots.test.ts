import { describe, expect, it } from 'vitest';
import { QuerySlots } from './query-slots';

describe('QuerySlots', () => {
  it('grants up to its capacity at once and the rest in order as slots free up', async () => {
    const slots = new QuerySlots(2);
    const signal = new AbortController().signal;
    const first = await slots.acquire(signal);
    await slots.acquire(signal);
    expect(slots.full).toBe(true);
    const granted: string[] = [];
    const third = slots.acquire(signal).then((release) => (granted.push('third'), release));
    const fourth = slots.acquire(signal).then((release) => (granted.push('fourth'), release));
    await Promise.resolve();
    expect(granted).toEqual([]);
    first();
    first(); // a second release of the same slot frees nothing
    await third;
    expect(granted).toEqual(['third']);
    expect(slots.inUse).toBe(2);
    (await third)();
    await fourth;
    expect(granted).toEqual(['third', 'fourth']);
  });

  it('lets a waiting query leave the line when it is cancelled', async () => {
    const slots = new QuerySlots(1);
    const release = await slots.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    const next = slots.acquire(new AbortController().signal);
    release();
    await expect(next).resolves.toBeTypeOf('function');
    expect(slots.inUse).toBe(1);
  });
});
