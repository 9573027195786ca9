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
  readonly body: string;
}

/** An HTTP response ready to write. */
export interface SandboxResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
