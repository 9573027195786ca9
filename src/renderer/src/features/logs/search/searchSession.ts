/**
 * One search's results as they load: the newest events of the range first (a page of `maxEvents`),
 * then older pages as the reader scrolls up (with the cursor main hands back), and newer events since
 * the search (for a range that ends now). Events go into the store in time order; the state says how
 * far the search has got, for the lines around the table.
 */
import type { EventSelection, FoundEvent, SearchUpdate } from '../../../../../shared/contract';
import type { ApiError } from '../../../../../shared/errors';
import type { StreamListener, Unsubscribe } from '../../../../../shared/rpc';
import type { EventStore } from '../../../components/event-table/eventStore';

export interface SearchRequest {
  readonly selection: EventSelection;
  readonly from: 'newest' | 'oldest';
  readonly maxEvents: number;
  readonly cursor?: string;
  readonly excludeEventIds?: string[];
}

export type RunSearch = (request: SearchRequest, listener: StreamListener<SearchUpdate>) => Unsubscribe;

export interface SearchSessionState {
  /** What is loading now, if anything. */
  readonly loading: 'first' | 'older' | 'newer' | null;
  /** The groups searched (a name pattern's matches, once known). */
  readonly groups: readonly string[];
  /** How far back the loaded results reach: everything from here to the range's end is loaded. */
  readonly searchedFrom: number | undefined;
  /** Every event of the range back to its start is loaded. */
  readonly complete: boolean;
  readonly error: ApiError | undefined;
  /** What the failed load was, to offer retrying it. */
  readonly failed: 'first' | 'older' | 'newer' | undefined;
}

/** Events per request: one screenful many times over, and well within a page of FilterLogEvents. */
export const SEARCH_PAGE_EVENTS = 5_000;

export class SearchSession {
  private state: SearchSessionState = { loading: null, groups: [], searchedFrom: undefined, complete: false, error: undefined, failed: undefined };
  private readonly listeners = new Set<() => void>();
  private olderCursor: string | undefined;
  private running: Unsubscribe | undefined;

  constructor(
    private readonly run: RunSearch,
    private readonly store: EventStore<FoundEvent>,
    private readonly selection: EventSelection,
  ) {}

  getState = (): SearchSessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The newest events of the range. */
  start(): void {
    this.load('first', { selection: this.selection, from: 'newest', maxEvents: SEARCH_PAGE_EVENTS });
  }

  /** The next page back in time, if the range has more. */
  loadOlder(): void {
    if (this.state.loading !== null || this.state.complete || this.olderCursor === undefined) return;
    this.load('older', { selection: this.selection, from: 'newest', maxEvents: SEARCH_PAGE_EVENTS, cursor: this.olderCursor });
  }

  /** Events that arrived after the newest loaded one, up to `endTime` (now, for a range that ends now). */
  loadNewer(endTime: number): void {
    if (this.state.loading !== null) return;
    const newest = this.store.at(this.store.count - 1);
    const startTime = newest?.timestamp ?? this.selection.startTime;
    if (startTime > endTime) return;
    const sameMillisecond: string[] = [];
    for (let index = this.store.count - 1; index >= 0; index--) {
      const event = this.store.at(index);
      if (event === undefined || event.timestamp !== startTime) break;
      if (event.eventId !== undefined) sameMillisecond.push(event.eventId);
    }
    this.load('newer', {
      selection: { ...this.selection, startTime, endTime },
      from: 'oldest',
      maxEvents: SEARCH_PAGE_EVENTS,
      ...(sameMillisecond.length > 0 ? { excludeEventIds: sameMillisecond } : {}),
    });
  }

  /** Retries what failed last. */
  retry(endTime: number): void {
    const failed = this.state.failed;
    if (failed === 'first') this.start();
    else if (failed === 'older') this.loadOlder();
    else if (failed === 'newer') this.loadNewer(endTime);
  }

  cancel(): void {
    this.running?.();
    this.running = undefined;
    if (this.state.loading !== null) this.set({ loading: null });
  }

  private load(kind: 'first' | 'older' | 'newer', request: SearchRequest): void {
    this.cancel();
    this.set({ loading: kind, error: undefined, failed: undefined });
    const reading = request.from === 'newest' ? 'older' : 'newer';
    this.running = this.run(request, {
      next: (update) => {
        switch (update.type) {
          case 'groups':
            this.set({ groups: update.logGroupNames });
            return;
          case 'events':
            if (reading === 'older') this.store.prepend(update.events);
            else this.store.append(update.events);
            return;
          case 'progress':
            if (reading === 'older') this.set({ searchedFrom: update.searchedFrom });
            return;
          case 'end':
            if (reading === 'older') {
              this.olderCursor = update.cursor;
              if (update.cursor === undefined) this.set({ complete: true, searchedFrom: this.selection.startTime });
            }
            return;
        }
      },
      error: (error) => {
        this.running = undefined;
        this.set({ loading: null, error, failed: kind });
      },
      complete: () => {
        this.running = undefined;
        this.set({ loading: null });
      },
    });
  }

  private set(change: Partial<SearchSessionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
