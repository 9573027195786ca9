/** The messages between the page and the search worker. */
import type { RowKey } from '../event-table/eventStore';
import type { SearchQuery } from './searchQuery';

/** The page tells the worker what the store holds (as it changes) and what to search for. */
export type ToWorker =
  | { readonly type: 'append' | 'prepend'; readonly firstKey: RowKey; readonly messages: readonly string[] }
  | { readonly type: 'drop'; readonly firstKey: RowKey }
  | { readonly type: 'clear' }
  /** Search everything loaded; this search replaces any before it and goes on matching new pages. */
  | { readonly type: 'search'; readonly id: number; readonly query: SearchQuery }
  /** Stop searching and stop matching new pages. */
  | { readonly type: 'stop' };

export type FromWorker =
  /** The keys of the matching events, ascending (a transferred buffer); `workerMs` from the request's arrival. */
  | { readonly type: 'result'; readonly id: number; readonly keys: Int32Array; readonly workerMs: number }
  /** Matches among a page that arrived after the result, to go before (`prepend`) or after (`append`) the others. */
  | { readonly type: 'more'; readonly id: number; readonly side: 'append' | 'prepend'; readonly keys: Int32Array }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
