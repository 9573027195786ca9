import { describe, expect, it } from 'vitest';
import { apiError } from './errors';
import type { StreamListener } from './rpc';
import { streamIterable } from './stream-iterable';

/** A stream the test drives by hand, recording whether it was unsubscribed. */
function manualStream<Event>() {
  const state = { listener: undefined as StreamListener<Event> | undefined, unsubscribed: 0 };
  const subscribe = (listener: StreamListener<Event>) => {
    state.listener = listener;
    return () => {
      state.unsubscribed += 1;
    };
  };
  return { state, subscribe };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

describe('streamIterable', () => {
  it('yields events in order, including ones that arrived before they were asked for', async () => {
    const { state, subscribe } = manualStream<number>();
    const iterable = streamIterable(subscribe);
    const iterator = iterable[Symbol.asyncIterator]();
    state.listener?.next(1);
    state.listener?.next(2);
    expect(await iterator.next()).toEqual({ value: 1, done: false });
    expect(await iterator.next()).toEqual({ value: 2, done: false });
    const pending = iterator.next();
    state.listener?.next(3);
    expect(await pending).toEqual({ value: 3, done: false });
    state.listener?.complete?.();
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(state.unsubscribed).toBe(0);
  });

  it('delivers buffered events before the error, then throws the ApiError', async () => {
    const { state, subscribe } = manualStream<string>();
    const values: string[] = [];
    const run = (async () => {
      for await (const value of streamIterable(subscribe)) values.push(value);
    })();
    state.listener?.next('a');
    state.listener?.error?.(apiError('AccessDenied', 'No.'));
    await expect(run).rejects.toMatchObject({ code: 'AccessDenied', message: 'No.' });
    expect(values).toEqual(['a']);
  });

  it('unsubscribes and ends when the signal aborts', async () => {
    const { state, subscribe } = manualStream<number>();
    const controller = new AbortController();
    const done = collect(streamIterable(subscribe, controller.signal));
    state.listener?.next(1);
    await Promise.resolve();
    controller.abort();
    await done;
    expect(state.unsubscribed).toBe(1);
  });

  it('does not start at all when the signal has already aborted', async () => {
    const { state, subscribe } = manualStream<number>();
    const controller = new AbortController();
    controller.abort();
    expect(await collect(streamIterable(subscribe, controller.signal))).toEqual([]);
    expect(state.listener).toBeUndefined();
  });

  it('unsubscribes when the reader stops early', async () => {
    const second = manualStream<number>();
    const iterable = streamIterable(second.subscribe);
    const reading = (async () => {
      for await (const value of iterable) if (value === 2) break;
    })();
    second.state.listener?.next(1);
    second.state.listener?.next(2);
    await reading;
    expect(second.state.unsubscribed).toBe(1);
  });
});
