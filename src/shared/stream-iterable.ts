/**
 * Adapts a stream subscription (listener in, unsubscribe out) to an AsyncIterable: the renderer feeds
 * `window.api` streams to react-query's streamed queries with it, main turns callback-driven work into
 * stream handlers. Aborting `signal` unsubscribes, which cancels the work behind the stream.
 */
import type { ApiError } from './errors';
import type { StreamListener, Unsubscribe } from './rpc';

export type Subscribe<Event> = (listener: StreamListener<Event>) => Unsubscribe;

export function streamIterable<Event>(subscribe: Subscribe<Event>, signal?: AbortSignal): AsyncIterable<Event> {
  return {
    [Symbol.asyncIterator]() {
      if (signal?.aborted) return { next: async () => ({ value: undefined, done: true }) };
      const buffered: Event[] = [];
      let finished = false;
      let failure: { error: ApiError } | undefined;
      let wake: (() => void) | undefined;
      const notify = () => {
        wake?.();
        wake = undefined;
      };

      const unsubscribe = subscribe({
        next(event) {
          buffered.push(event);
          notify();
        },
        error(error) {
          failure = { error };
          finished = true;
          notify();
        },
        complete() {
          finished = true;
          notify();
        },
      });

      const stop = () => {
        if (!finished) unsubscribe();
        finished = true;
        buffered.length = 0;
        notify();
      };
      signal?.addEventListener('abort', stop, { once: true });

      return {
        async next(): Promise<IteratorResult<Event>> {
          while (buffered.length === 0 && !finished) {
            await new Promise<void>((resolve) => (wake = resolve));
          }
          const event = buffered.shift();
          if (event !== undefined) return { value: event, done: false };
          signal?.removeEventListener('abort', stop);
          if (failure) throw failure.error;
          return { value: undefined, done: true };
        },
        async return(): Promise<IteratorResult<Event>> {
          signal?.removeEventListener('abort', stop);
          stop();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
