/**
 * What an operation whose output is an event stream (CloudWatch Logs' StartLiveTail) returns: the messages
 * it will send, produced over time. The protocol codec turns them into the wire encoding.
 */

/** One message of an event stream: a modeled event, or a modeled exception that ends the stream. */
export type StreamMessage =
  | { readonly kind: 'event'; readonly type: string; readonly payload: object }
  | { readonly kind: 'exception'; readonly type: string; readonly message: string };

export class EventStreamOutput {
  constructor(
    /**
     * Produces the messages. `signal` aborts when the client goes away or the sandbox closes; the
     * producer must then end soon (and clear its timers).
     */
    readonly messages: (signal: AbortSignal) => AsyncIterable<StreamMessage>,
    /** The modeled exception that reports an unexpected failure in the middle of the stream. */
    readonly internalErrorType: string,
  ) {}
}
