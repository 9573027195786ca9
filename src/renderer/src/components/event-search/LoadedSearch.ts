/**
 * Search within the loaded events, off the main thread. Keeps a worker's copy of the store's messages
 * in step with the store (each page is sent once, as it arrives), starts searches there, ignores the
 * answers of searches that were replaced, and keeps the matches up to date as pages keep arriving.
 */
import type { EventStore, StoreChange } from '../event-table/eventStore';
import type { FromWorker, ToWorker } from './protocol';
import { concat, dropGone } from './searchLoaded';
import type { SearchQuery } from './searchQuery';

export type LoadedSearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly query: SearchQuery }
  | {
      readonly status: 'done';
      readonly query: SearchQuery;
      /** Keys of the matching events, ascending: `useEventView(store, keys)` shows only them. */
      readonly keys: Int32Array;
      /** The worker's time, from the request's arrival to its answer. */
      readonly workerMs: number;
      /** From the request to the answer on this page. */
      readonly totalMs: number;
    }
  | { readonly status: 'failed'; readonly query: SearchQuery; readonly message: string };

/** The app's search worker, bundled by Vite from this origin (allowed by the CSP's script-src 'self'). */
export function createSearchWorker(): Worker {
  return new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'loaded-events-search' });
}

export class LoadedSearch<E extends { readonly message: string }> {
  private state: LoadedSearchState = { status: 'idle' };
  private readonly listeners = new Set<() => void>();
  private nextId = 0;
  private pending: { id: number; query: SearchQuery; sentAt: number } | undefined;
  private worker: Worker | undefined;
  private stopMirroring: (() => void) | undefined;

  constructor(
    private readonly store: EventStore<E>,
    private readonly createWorker: () => Worker = createSearchWorker,
  ) {}

  /** Starts the worker and hands it what is loaded; from then on every change of the store as it happens. */
  start(): void {
    if (this.worker) return;
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(`The search worker stopped: ${event.message || 'it could not be loaded'}.`);
    };
    const { store } = this;
    for (const chunk of store.chunks(store.firstKey, store.endKey)) {
      this.send({ type: 'append', firstKey: chunk.firstKey + chunk.from, messages: chunk.events.slice(chunk.from, chunk.to).map((event) => event.message) });
    }
    this.stopMirroring = store.subscribe((change) => this.mirror(change));
  }

  /** Stops the worker; `start` can begin again with a new one. */
  dispose(): void {
    this.stopMirroring?.();
    this.stopMirroring = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    this.pending = undefined;
    this.nextId++;
    if (this.state.status !== 'idle') this.setState({ status: 'idle' });
  }

  getState = (): LoadedSearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts a search; the one before it, if still running, is dropped. */
  search(query: SearchQuery): void {
    const id = ++this.nextId;
    this.pending = { id, query, sentAt: performance.now() };
    this.send({ type: 'search', id, query });
    this.setState({ status: 'searching', query });
  }

  /** No search: the worker stops, and new pages are no longer matched. */
  clear(): void {
    this.pending = undefined;
    this.nextId++;
    this.send({ type: 'stop' });
    this.setState({ status: 'idle' });
  }

  private mirror(change: StoreChange<E>): void {
    if (change.type === 'drop' || change.type === 'clear') {
      this.send(change);
      const state = this.state;
      if (state.status === 'done') this.setState({ ...state, keys: change.type === 'clear' ? new Int32Array(0) : dropGone(state.keys, change.firstKey) });
    } else {
      // Strings cannot be transferred, only copied; each page is copied once, as it arrives.
      this.send({ type: change.type, firstKey: change.firstKey, messages: change.events.map((event) => event.message) });
    }
  }

  private receive(message: FromWorker): void {
    if (message.id !== this.nextId) return;
    const state = this.state;
    switch (message.type) {
      case 'result': {
        const pending = this.pending;
        if (!pending || pending.id !== message.id) return;
        this.pending = undefined;
        const keys = dropGone(message.keys, this.store.firstKey);
        this.setState({ status: 'done', query: pending.query, keys, workerMs: message.workerMs, totalMs: performance.now() - pending.sentAt });
        break;
      }
      case 'more':
        if (state.status !== 'done') return;
        this.setState({ ...state, keys: message.side === 'append' ? concat([state.keys, message.keys]) : concat([message.keys, state.keys]) });
        break;
      case 'failed':
        if (state.status !== 'searching') return;
        this.setState({ status: 'failed', query: state.query, message: message.message });
        break;
    }
  }

  private fail(message: string): void {
    const state = this.state;
    if (state.status === 'searching' || state.status === 'done') this.setState({ status: 'failed', query: state.query, message });
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private setState(state: LoadedSearchState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
