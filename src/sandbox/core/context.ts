import type { Caller } from '../identity/store';
import type { AccountState, RegionState } from '../state';

/** What an operation knows about the request it serves. */
export interface RequestContext {
  readonly requestId: string;
  readonly accountId: string;
  /** From the SigV4 credential scope (us-east-1 for unsigned requests). */
  readonly region: string;
  /** Epoch milliseconds when the request arrived, from the sandbox clock. */
  readonly now: number;
  readonly state: RegionState;
  /** State that is not regional: identities, IAM Identity Center. */
  readonly account: AccountState;
  /** Who signed the request. */
  readonly caller: Caller;
}

/** An HTTP request as the router sees it, its body read (and decompressed). */
export interface IncomingRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The body's bytes, for binary protocols (RPC v2 CBOR); absent in tests that build requests by hand. */
  readonly bytes?: Uint8Array;
}

/** An HTTP response ready to write. */
export interface SandboxResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body; empty when `stream` or `bytes` is set. */
  readonly body: string;
  /** A binary body (RPC v2 CBOR), sent instead of `body`. */
  readonly bytes?: Uint8Array;
  /** A body written piece by piece as it is produced (chunked), instead of `body`: an event stream. */
  readonly stream?: StreamingBody;
}

/** A response body produced over time, such as StartLiveTail's event stream. */
export interface StreamingBody {
  /**
   * Starts producing the body's chunks; the body is complete when the iterable ends. `signal` aborts
   * when the client goes away or the sandbox closes: the producer must then end soon, releasing its timers.
   */
  open(signal: AbortSignal): AsyncIterable<Uint8Array>;
}
