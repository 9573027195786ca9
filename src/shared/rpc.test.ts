import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiError, type ApiError } from './errors';
import {
  createClient,
  createDispatcher,
  response,
  stream,
  unary,
  type ClientTransport,
  type HandlersOf,
  type StreamMessage,
} from './rpc';

const testContract = {
  math: {
    add: unary(z.object({ a: z.number(), b: z.number().default(1) }), response<number>()),
    fail: unary(z.object({}), response<never>()),
    count: stream(z.object({ to: z.number().int().min(0) }), response<{ n: number }>()),
  },
} as const;

function handlers(overrides: Partial<HandlersOf<typeof testContract>['math']> = {}): HandlersOf<typeof testContract> {
  return {
    math: {
      add: async ({ a, b }) => a + b,
      fail: async () => {
        throw new Error('boom');
      },
      async *count({ to }) {
        for (let n = 1; n <= to; n++) yield { n };
      },
      ...overrides,
    },
  };
}

/** A transport that goes straight to a dispatcher, like IPC and the HTTP bridge do over their wires. */
function loopback(dispatcher: ReturnType<typeof createDispatcher>): ClientTransport {
  return {
    call: (method, request) => dispatcher.call(method, request, new AbortController().signal),
    subscribe(method, request, onMessage) {
      const controller = new AbortController();
      void dispatcher.subscribe(method, request, controller.signal, onMessage);
      return () => controller.abort();
    },
  };
}

function clientFor(table = handlers()) {
  return createClient(testContract, loopback(createDispatcher(testContract, table)));
}

describe('unary calls', () => {
  it('validates the request and applies schema defaults before the handler sees it', async () => {
    const client = clientFor();
    await expect(client.math.add({ a: 2, b: 3 })).resolves.toBe(5);
    await expect(client.math.add({ a: 2 })).resolves.toBe(3);
  });

  it('rejects invalid requests with InvalidInput naming the field', async () => {
    const client = clientFor();
    const error = (await client.math.add({ a: 'two' as unknown as number }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toContain('math.add');
    expect(error.message).toContain('a:');
  });

  it('turns handler failures into ApiError data through the error mapper', async () => {
    const toApiError = vi.fn((error: unknown) => apiError('NotFound', `mapped: ${(error as Error).message}`));
    const dispatcher = createDispatcher(testContract, handlers(), toApiError);
    const client = createClient(testContract, loopback(dispatcher));
    await expect(client.math.fail({})).rejects.toEqual({ code: 'NotFound', message: 'mapped: boom', retryable: false });
  });

  it('refuses unknown methods, methods of the wrong kind and prototype keys', async () => {
    const dispatcher = createDispatcher(testContract, handlers());
    const signal = new AbortController().signal;
    for (const method of ['math.nope', 'nope.add', 'math.count', 'math', 'math.add.extra', '__proto__.toString', 'math.constructor']) {
      const result = await dispatcher.call(method, {}, signal);
      expect(result.ok, method).toBe(false);
    }
  });

  it('reports Cancelled when the call was aborted while running', async () => {
    const controller = new AbortController();
    const dispatcher = createDispatcher(
      testContract,
      handlers({
        add: async () => {
          controller.abort();
          throw new Error('aborted by signal');
        },
      }),
    );
    const result = await dispatcher.call('math.add', { a: 1 }, controller.signal);
    expect(result).toMatchObject({ ok: false, error: { code: 'Cancelled' } });
  });
});

describe('streams', () => {
  it('delivers every event and then completes', async () => {
    const client = clientFor();
    const events: number[] = [];
    await new Promise<void>((resolve, reject) => {
      client.math.count({ to: 3 }, { next: (event) => events.push(event.n), complete: resolve, error: reject });
    });
    expect(events).toEqual([1, 2, 3]);
  });

  it('reports a failing stream once, through error', async () => {
    const client = clientFor(
      handlers({
        async *count() {
          throw new Error('stream broke');
        },
      }),
    );
    const error = await new Promise<ApiError>((resolve) => {
      client.math.count({ to: 1 }, { next: () => undefined, error: resolve });
    });
    expect(error).toMatchObject({ code: 'Internal', message: 'stream broke' });
  });

  it('validates stream requests', async () => {
    const client = clientFor();
    const error = await new Promise<ApiError>((resolve) => {
      client.math.count({ to: -1 }, { next: () => undefined, error: resolve });
    });
    expect(error.code).toBe('InvalidInput');
  });

  it('stops the handler and goes quiet when unsubscribed', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let finalized = false;
    let sawAbort = false;
    const client = clientFor(
      handlers({
        async *count(_request, { signal }) {
          try {
            yield { n: 1 };
            await gate;
            sawAbort = signal.aborted;
            yield { n: 2 };
          } finally {
            finalized = true;
          }
        },
      }),
    );
    const seen: number[] = [];
    const complete = vi.fn();
    let unsubscribe: () => void = () => undefined;
    await new Promise<void>((resolve) => {
      unsubscribe = client.math.count({ to: 0 }, {
        next: (event) => {
          seen.push(event.n);
          resolve();
        },
        complete,
      });
    });
    unsubscribe();
    release();
    await vi.waitFor(() => expect(finalized).toBe(true));
    expect(sawAbort).toBe(true);
    expect(seen).toEqual([1]);
    expect(complete).not.toHaveBeenCalled();
  });

  it('sends nothing after the signal aborts', async () => {
    const dispatcher = createDispatcher(testContract, handlers());
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    controller.abort();
    await dispatcher.subscribe('math.count', { to: 3 }, controller.signal, (message) => messages.push(message));
    expect(messages).toEqual([]);
  });
});
