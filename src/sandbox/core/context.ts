import type { RegionState } from '../state';

/** What an operation knows about the request it serves. */
export interface RequestContext {
  readonly requestId: string;
  readonly accountId: string;
  /** From the SigV4 credential scope. */
  readonly region: string;
  /** Epoch milliseconds when the request arrived, from the sandbox clock. */
  readonly now: number;
  readonly state: RegionState;
}

/** An HTTP response ready to write. */
export interface SandboxResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
