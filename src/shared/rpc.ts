/**
 * The machinery behind the API contract: how a method is declared, the client every transport
 * produces from the contract, and the dispatcher every transport feeds. Transports (IPC, the HTTP
 * bridge) move only `WireResult`s and `StreamMessage`s; all typing and validation lives here, so the
 * transports cannot drift apart.
 */
import type { z } from 'zod';
import { apiError, asApiError, type ApiError } from './errors';

declare const phantom: unique symbol;
/** A type carried at the type level only; `response<T>()` makes one. */
export interface Phantom<T> {
  readonly [phantom]?: T;
}
export function response<T>(): Phantom<T> {
  return {};
}

/** A request/response call. */
export interface UnaryMethod<Req extends z.ZodType, Res> {
  readonly kind: 'unary';
  readonly request: Req;
  readonly response: Phantom<Res>;
}

/** A call that produces a sequence of events (pages, progress, live lines) until done or cancelled. */
export interface StreamMethod<Req extends z.ZodType, Event> {
  readonly kind: 'stream';
  readonly request: Req;
  readonly event: Phantom<Event>;
}

export function unary<Req extends z.ZodType, Res>(request: Req, res: Phantom<Res>): UnaryMethod<Req, Res> {
  return { kind: 'unary', request, response: res };
}

export function stream<Req extends z.ZodType, Event>(request: Req, event: Phantom<Event>): StreamMethod<Req, Event> {
  return { kind: 'stream', request, event };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: any method fits a contract slot
type AnyMethod = UnaryMethod<z.ZodType, any> | StreamMethod<z.ZodType, any>;
export type Contract = Readonly<Record<string, Readonly<Record<string, AnyMethod>>>>;

export interface StreamListener<Event> {
  next(event: Event): void;
  /** Called once when the stream fails; no other callback follows. */
  error?(error: ApiError): void;
  /** Called once when the stream ends normally; not called after `cancel`. */
  complete?(): void;
}

/** Stops a stream: the listener hears nothing more and the handler's signal is aborted. */
export type Unsubscribe = () => void;

type ClientMethod<M> =
  M extends UnaryMethod<infer Req, infer Res>
    ? (request: z.input<Req>) => Promise<Res>
    : M extends StreamMethod<infer Req, infer Event>
      ? (request: z.input<Req>, listener: StreamListener<Event>) => Unsubscribe
      : never;

/** What the renderer sees as `window.api`: promises reject with an `ApiError` (plain data). */
export type ClientOf<C extends Contract> = {
  readonly [NS in keyof C]: { readonly [M in keyof C[NS]]: ClientMethod<C[NS][M]> };
};

export interface CallContext {
  /** Aborted when the caller cancels (stream unsubscribed, window closed, scope switched). */
  readonly signal: AbortSignal;
}

type HandlerMethod<M> =
  M extends UnaryMethod<infer Req, infer Res>
    ? (request: z.output<Req>, context: CallContext) => Promise<Res>
    : M extends StreamMethod<infer Req, infer Event>
      ? (request: z.output<Req>, context: CallContext) => AsyncIterable<Event>
      : never;

/** The handler table main/api implements. */
export type HandlersOf<C extends Contract> = {
  readonly [NS in keyof C]: { readonly [M in keyof C[NS]]: HandlerMethod<C[NS][M]> };
};

export type WireResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ApiError };

export type StreamMessage =
  | { readonly type: 'next'; readonly value: unknown }
  | { readonly type: 'error'; readonly error: ApiError }
  | { readonly type: 'complete' };

/** What a transport must provide on the calling side; it never throws, failures come back as data. */
export interface ClientTransport {
  call(method: string, request: unknown): Promise<WireResult>;
  /** Starts a stream; `onMessage` receives messages until an `error` or `complete`. Returns a cancel function. */
  subscribe(method: string, request: unknown, onMessage: (message: StreamMessage) => void): () => void;
}

/** Builds the typed client for a contract over any transport. */
export function createClient<C extends Contract>(contract: C, transport: ClientTransport): ClientOf<C> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [namespace, methods] of Object.entries(contract)) {
    const bound: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(methods)) {
      const path = `${namespace}.${name}`;
      bound[name] =
        method.kind === 'unary'
          ? async (request: unknown) => {
              const result = await transport.call(path, request ?? {});
              if (!result.ok) throw result.error;
              return result.value;
            }
          : (request: unknown, listener: StreamListener<unknown>) => subscribeWith(transport, path, request, listener);
    }
    client[namespace] = Object.freeze(bound);
  }
  return Object.freeze(client) as ClientOf<C>;
}

function subscribeWith(
  transport: ClientTransport,
  path: string,
  request: unknown,
  listener: StreamListener<unknown>,
): Unsubscribe {
  let open = true;
  const cancel = transport.subscribe(path, request ?? {}, (message) => {
    if (!open) return;
    if (message.type === 'next') {
      listener.next(message.value);
      return;
    }
    open = false;
    if (message.type === 'error') listener.error?.(message.error);
    else listener.complete?.();
  });
  return () => {
    if (!open) return;
    open = false;
    cancel();
  };
}

export interface Dispatcher {
  /** Validates and runs a unary call; never throws. */
  call(method: string, request: unknown, signal: AbortSignal): Promise<WireResult>;
  /**
   * Validates and runs a stream, delivering messages until it ends or `signal` aborts.
   * Ends with exactly one `error` or `complete` message unless aborted first.
   */
  subscribe(method: string, request: unknown, signal: AbortSignal, send: (message: StreamMessage) => void): Promise<void>;
}

/** `toApiError` turns whatever a handler throws into the shape the user sees. */
export function createDispatcher<C extends Contract>(
  contract: C,
  handlers: HandlersOf<C>,
  toApiError: (error: unknown) => ApiError = asApiError,
): Dispatcher {
  function resolve(kind: AnyMethod['kind'], method: string, request: unknown) {
    const [namespace, name, ...rest] = typeof method === 'string' ? method.split('.') : [];
    const definition = namespace && name && rest.length === 0 ? own(contract, namespace)?.[name] : undefined;
    const handlerGroup = namespace ? own(handlers as Record<string, Record<string, unknown>>, namespace) : undefined;
    const handler = name && handlerGroup && Object.hasOwn(handlerGroup, name) ? handlerGroup[name] : undefined;
    if (!definition || definition.kind !== kind || typeof handler !== 'function') {
      return { ok: false, error: apiError('InvalidInput', `Unknown ${kind} method "${String(method)}".`) } as const;
    }
    const parsed = definition.request.safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: apiError('InvalidInput', describeIssues(method, parsed.error.issues)) } as const;
    }
    return { ok: true, handler: handler as (request: unknown, context: CallContext) => unknown, request: parsed.data } as const;
  }

  return {
    async call(method, request, signal) {
      const resolved = resolve('unary', method, request);
      if (!resolved.ok) return resolved;
      try {
        const value = await (resolved.handler(resolved.request, { signal }) as Promise<unknown>);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: signal.aborted ? cancelled() : toApiError(error) };
      }
    },

    async subscribe(method, request, signal, send) {
      const resolved = resolve('stream', method, request);
      if (!resolved.ok) {
        send({ type: 'error', error: resolved.error });
        return;
      }
      try {
        const events = resolved.handler(resolved.request, { signal }) as AsyncIterable<unknown>;
        for await (const value of events) {
          if (signal.aborted) return; // leaving the loop closes the handler's generator
          send({ type: 'next', value });
        }
        if (!signal.aborted) send({ type: 'complete' });
      } catch (error) {
        if (!signal.aborted) send({ type: 'error', error: toApiError(error) });
      }
    },
  };
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function cancelled(): ApiError {
  return apiError('Cancelled', 'The request was cancelled.');
}

function describeIssues(method: string, issues: readonly z.core.$ZodIssue[]): string {
  const details = issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  return `Invalid request to ${method}: ${details.join('; ')}.`;
}
