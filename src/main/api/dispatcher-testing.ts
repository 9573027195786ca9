/** Calling main/api through its dispatcher in tests and benchmarks: unary results as values, streams as lists of messages. */
import type { Dispatcher, StreamMessage, WireResult } from '../../shared/rpc';

export function call(dispatcher: Dispatcher, method: string, request: unknown, signal = new AbortController().signal): Promise<WireResult> {
  return dispatcher.call(method, request, signal);
}

/** The value of a call that must succeed. */
export async function ok<T>(result: Promise<WireResult>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`expected success, got ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}

/** Every message of a stream, until it ends (or `signal` aborts). */
export async function subscribe(dispatcher: Dispatcher, method: string, request: unknown, signal = new AbortController().signal): Promise<StreamMessage[]> {
  const messages: StreamMessage[] = [];
  await dispatcher.subscribe(method, request, signal, (message) => messages.push(message));
  return messages;
}

/** The values a stream delivered. */
export function valuesOf<T>(messages: readonly StreamMessage[]): T[] {
  return messages.flatMap((message) => (message.type === 'next' ? [message.value as T] : []));
}
