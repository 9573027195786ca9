/**
 * One stream's events as the viewer reads them, into an EventStore: opens on the newest page (or at a
 * time, or at the oldest event), then pages older events in before and newer ones after, following
 * the paging rules of eventPaging.ts. Each page costs time in proportion to itself, never to what is
 * already loaded.
 *
 * Every load can be cancelled and gives up after LOAD_TIMEOUT_MS. Loading from a new start keeps
 * what is loaded until the new events arrive, and keeps it if they fail. A NotFound answer is
 * checked against the group, so the viewer can say whether the stream or its whole group was deleted.
 *
 * No React and no window.api here: the hook gives it a StreamSource.
 */
import type { FoundEvent, LogEvent, LogEventPage } from '../../../../../shared/contract';
import { asApiError, type ApiError } from '../../../../../shared/errors';
import { EventStore, type RowKey } from '../../../components/event-table/eventStore';
import {
  emptyPagesInARow,
  isCaughtUp,
  MAX_EMPTY_PAGES_IN_A_ROW,
  NEWEST_PAGE,
  newerPageParam,
  olderPageParam,
  type EventPageParam,
} from './eventPaging';
import { LOAD_TIMEOUT_MS, withTimeout } from './loadTimeout';

/**
 * Events per page when opening or jumping: the first rows should be on screen soon. Measured from the
 * click to the painted rows (sandbox on loopback, Chromium, median of 9): 250 events 64 ms, 1,000
 * 52–56 ms, 2,500 70 ms, 5,000 80–138 ms, a full page (1 MB: 5,614 events of ~190 bytes) 89–129 ms;
 * over a real network a full page also costs the transfer of 1 MB.
 */
export const FIRST_PAGE_EVENTS = 1_000;
/** Events read before a sought event along with it, so it opens amid its neighbours, as a context view does. */
export const EVENTS_BEFORE_SOUGHT = 100;
/** Events per page further on: GetLogEvents' maximum (AWS also stops a page at 1 MB), so long streams take few calls. */
export const MORE_PAGE_EVENTS = 10_000;

export interface StreamSource {
  readonly logGroupName: string;
  readonly logStreamName: string;
  getPage(param: EventPageParam, limit: number): Promise<LogEventPage>;
  /** Whether the stream's log group still exists (false when AWS says NotFound). */
  groupExists(): Promise<boolean>;
}

/** One event to find at a start in time: its timestamp and, to tell it from others of the same millisecond, the start of its message. */
export interface SoughtEvent {
  readonly timestamp: number;
  readonly messagePrefix?: string;
}

/** Where the loaded events begin; at a time, `event` is marked and landed on when it is among them. */
export type StreamStart =
  | { readonly kind: 'newest' }
  | { readonly kind: 'oldest' }
  | { readonly kind: 'time'; readonly time: number; readonly event?: SoughtEvent };

export const NEWEST: StreamStart = { kind: 'newest' };

export type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ApiError };

export type Edge = 'first' | 'older' | 'newer';

/** Why a start was loaded: the view moves the keyboard for a jump, and for opening when asked to. */
export type StartCause = 'open' | 'reload' | 'jump';

/** A row to bring into view once a start is loaded; a new `id` each time. */
export interface Landing {
  readonly id: number;
  readonly key: RowKey;
  readonly align: 'start' | 'center' | 'end';
  readonly cause: StartCause;
}

export interface StreamReaderState {
  /** Where the loaded events begin; undefined until the first events (or the first empty answer) arrived. */
  readonly shown: StreamStart | undefined;
  /** The start asked for last, and how loading it goes. */
  readonly start: StreamStart;
  readonly startCause: StartCause;
  readonly first: LoadState;
  readonly older: LoadState;
  readonly newer: LoadState;
  /** More older events to load; several empty pages came in a row (a click goes on); or the stream's beginning. */
  readonly olderEnd: 'more' | 'gap' | 'beginning';
  /** Newer pages load as the reader nears them ('more') until a read finds nothing new ('caught-up'). */
  readonly newerEnd: 'more' | 'gap' | 'caught-up';
  /** When the last read of newer events found nothing new. */
  readonly checkedAt: number | undefined;
  /** The stream, or its whole log group, was deleted while open: nothing more loads. */
  readonly gone: 'stream' | 'group' | undefined;
  readonly landing: Landing | undefined;
  /** The event the start sought, once found among the events it loaded. */
  readonly marked: RowKey | undefined;
}

const IDLE: LoadState = { status: 'idle' };

interface FirstEvents {
  readonly events: readonly LogEvent[];
  readonly older: EventPageParam | undefined;
  readonly newer: EventPageParam | undefined;
  readonly land: 'first' | 'last';
  /** Where the events from the start's time begin among `events`, when events before it were read too. */
  readonly fromIndex?: number;
  /** No newer events than these exist yet. */
  readonly newest: boolean;
}

export interface StreamReaderOptions {
  readonly now?: () => number;
  readonly timeoutMs?: number;
  /** Every failed call, e.g. for the app's throttling notice. */
  readonly onError?: (error: ApiError) => void;
}

export class StreamReader {
  readonly store = new EventStore<FoundEvent>();
  private state: StreamReaderState = {
    shown: undefined,
    start: NEWEST,
    startCause: 'open',
    first: IDLE,
    older: IDLE,
    newer: IDLE,
    olderEnd: 'beginning',
    newerEnd: 'caught-up',
    checkedAt: undefined,
    gone: undefined,
    landing: undefined,
    marked: undefined,
  };
  private olderParam: EventPageParam | undefined;
  private newerParam: EventPageParam | undefined;
  private emptyOlder = 0;
  private emptyNewer = 0;
  /** The request each edge waits for; an answer to any other is dropped. */
  private pending: Partial<Record<Edge, number>> = {};
  private requests = 0;
  private landings = 0;
  /** A start brought no events: land on the first ones older pages bring. */
  private landOnOlder: StartCause | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(
    private readonly source: StreamSource,
    private readonly options: StreamReaderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? LOAD_TIMEOUT_MS;
  }

  getState = (): StreamReaderState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Loads the events from `start`. What is loaded stays on screen until they arrive, and if they fail. */
  go(start: StreamStart, cause: StartCause): void {
    if (this.state.gone) return;
    // Pages at the edges continue what is loaded now, which is about to be replaced.
    this.drop('older');
    this.drop('newer');
    this.update({ start, startCause: cause, older: IDLE, newer: IDLE });
    void this.run('first', () => this.firstEvents(start), (first) => this.show(start, cause, first));
  }

  /** Older events before the loaded ones. `auto`: the reader neared the top; stops at failures and gaps. */
  loadOlder(auto = false): void {
    const param = this.olderParam;
    if (!param || !this.canLoad('older', auto)) return;
    if (auto && this.emptyOlder >= MAX_EMPTY_PAGES_IN_A_ROW) return;
    if (!auto) this.emptyOlder = 0;
    void this.run('older', () => this.source.getPage(param, MORE_PAGE_EVENTS), (page) => {
      const firstKey = this.store.firstKey;
      this.store.prepend(this.found(page.events));
      this.olderParam = olderPageParam(page, param);
      this.emptyOlder = emptyPagesInARow(this.emptyOlder, page);
      let landing = this.state.landing;
      if (this.landOnOlder && page.events.length > 0) {
        landing = { id: ++this.landings, key: firstKey - 1, align: 'end', cause: this.landOnOlder };
        this.landOnOlder = undefined;
      }
      this.update({ olderEnd: this.olderEnd(), landing });
      // The table asks again only when rows change; an empty page changes none.
      if (page.events.length === 0) this.loadOlder(true);
    });
  }

  /** Newer events after the loaded ones. `auto`: the reader neared the end; only while more are known to follow. */
  loadNewer(auto = false): void {
    const param = this.newerParam;
    if (!param || !this.canLoad('newer', auto)) return;
    if (auto && this.state.newerEnd !== 'more') return;
    if (!auto) this.emptyNewer = 0;
    void this.run('newer', () => this.source.getPage(param, MORE_PAGE_EVENTS), (page) => {
      this.store.append(this.found(page.events));
      const caughtUp = isCaughtUp(page, param);
      this.newerParam = newerPageParam(page, param);
      this.emptyNewer = caughtUp ? 0 : emptyPagesInARow(this.emptyNewer, page);
      const newerEnd = caughtUp || !this.newerParam ? 'caught-up' : this.emptyNewer >= MAX_EMPTY_PAGES_IN_A_ROW ? 'gap' : 'more';
      this.update({ newerEnd, checkedAt: caughtUp ? this.now() : undefined });
      if (page.events.length === 0) this.loadNewer(true);
    });
  }

  /** Stops waiting for a load; its answer, if it comes, is dropped. */
  cancel(edge: Edge): void {
    if (this.drop(edge)) this.update({ [edge]: IDLE });
  }

  /** Tries a failed (or cancelled) load again. */
  retry(edge: Edge): void {
    if (edge === 'first') this.go(this.state.start, this.state.startCause);
    else if (edge === 'older') this.loadOlder();
    else this.loadNewer();
  }

  /** Puts a failure away; what is loaded stays. */
  dismiss(edge: Edge): void {
    if (this.state[edge].status === 'failed') this.update({ [edge]: IDLE });
  }

  /** Stops every load, e.g. when the viewer closes. The reader can start again with `go`. */
  stop(): void {
    this.pending = {};
    this.update({ first: IDLE, older: IDLE, newer: IDLE });
  }

  private async firstEvents(start: StreamStart): Promise<FirstEvents> {
    const param: EventPageParam = start.kind === 'newest' ? NEWEST_PAGE : { direction: 'at', ...(start.kind === 'time' ? { time: start.time } : {}) };
    const page = await this.source.getPage(param, FIRST_PAGE_EVENTS);
    const before = olderPageParam(page, param);
    if (start.kind === 'time' && page.events.length === 0 && before) {
      // Nothing at or after the time: the events just before it are likely the newest of the stream.
      // Likely: AWS may answer empty pages across a gap, so reading on from the time is still offered.
      const older = await this.source.getPage(before, FIRST_PAGE_EVENTS);
      return { events: older.events, older: olderPageParam(older, before), newer: newerPageParam(page, param), land: 'last', newest: false };
    }
    if (start.kind === 'time' && start.event && page.events.length > 0 && before) {
      // A sought event opens amid its neighbours: the events just before it are read as well.
      const older = await this.source.getPage(before, EVENTS_BEFORE_SOUGHT);
      const events = [...older.events, ...page.events];
      return { events, older: olderPageParam(older, before), newer: newerPageParam(page, param), land: 'first', fromIndex: older.events.length, newest: false };
    }
    return { events: page.events, older: before, newer: newerPageParam(page, param), land: start.kind === 'newest' ? 'last' : 'first', newest: start.kind === 'newest' };
  }

  private show(start: StreamStart, cause: StartCause, first: FirstEvents): void {
    this.store.clear();
    this.store.append(this.found(first.events));
    this.olderParam = first.older;
    this.newerParam = first.newer;
    this.emptyOlder = 0;
    this.emptyNewer = 0;
    const count = first.events.length;
    this.landOnOlder = count === 0 ? cause : undefined;
    const soughtIndex = start.kind === 'time' && start.event ? indexOfEvent(first.events, start.event) : -1;
    const marked = soughtIndex === -1 ? undefined : this.store.firstKey + soughtIndex;
    const landing: Landing | undefined =
      count === 0
        ? this.state.landing
        : marked !== undefined
          ? { id: ++this.landings, key: marked, align: 'center', cause }
          : first.land === 'last'
            ? { id: ++this.landings, key: this.store.endKey - 1, align: 'end', cause }
            : { id: ++this.landings, key: this.store.firstKey + (first.fromIndex ?? 0), align: 'start', cause };
    this.update({
      shown: start,
      olderEnd: this.olderEnd(),
      newerEnd: first.newest || !first.newer ? 'caught-up' : 'more',
      checkedAt: undefined,
      landing,
      marked,
    });
    // Nothing here (an empty stream, or a gap at its end): look further back by itself.
    if (count === 0) this.loadOlder(true);
  }

  private canLoad(edge: 'older' | 'newer', auto: boolean): boolean {
    const { gone, first } = this.state;
    const status = this.state[edge].status;
    return !gone && this.state.shown !== undefined && first.status !== 'loading' && status !== 'loading' && !(auto && status === 'failed');
  }

  private olderEnd(): StreamReaderState['olderEnd'] {
    if (!this.olderParam) return 'beginning';
    return this.emptyOlder >= MAX_EMPTY_PAGES_IN_A_ROW ? 'gap' : 'more';
  }

  /**
   * Runs one load for an edge: marks it loading, gives up after the timeout, drops the answer if the
   * load was cancelled or replaced meanwhile, and on NotFound finds out what was deleted.
   * `apply` takes the answer; the edge is idle again by then, and `apply` says what else changed.
   */
  private async run<T>(edge: Edge, work: () => Promise<T>, apply: (value: T) => void): Promise<void> {
    const id = ++this.requests;
    this.pending[edge] = id;
    this.update({ [edge]: { status: 'loading' } });
    const current = () => this.pending[edge] === id;
    try {
      const value = await withTimeout(work(), this.timeoutMs, 'GetLogEvents');
      if (!current()) return;
      delete this.pending[edge];
      this.state = { ...this.state, [edge]: IDLE };
      apply(value);
    } catch (caught) {
      if (!current()) return;
      const error = asApiError(caught);
      this.options.onError?.(error);
      const gone = error.code === 'NotFound' ? await this.whatIsGone() : undefined;
      if (!current()) return;
      delete this.pending[edge];
      if (gone) {
        this.pending = {};
        this.update({ gone, first: IDLE, older: IDLE, newer: IDLE });
      } else {
        this.update({ [edge]: { status: 'failed', error } });
      }
    }
  }

  /** After a NotFound: the group, or only the stream; undefined if that cannot be told. */
  private async whatIsGone(): Promise<'stream' | 'group' | undefined> {
    try {
      return (await withTimeout(this.source.groupExists(), this.timeoutMs, 'DescribeLogGroups')) ? 'stream' : 'group';
    } catch {
      return undefined;
    }
  }

  /** Forgets the load an edge waits for; whether there was one. */
  private drop(edge: Edge): boolean {
    if (this.pending[edge] === undefined) return false;
    delete this.pending[edge];
    return true;
  }

  private found(events: readonly LogEvent[]): FoundEvent[] {
    const { logGroupName, logStreamName } = this.source;
    return events.map((event) => ({ timestamp: event.timestamp, ingestionTime: event.ingestionTime, message: event.message, logGroupName, logStreamName }));
  }

  private update(change: Partial<StreamReaderState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** The sought event among events read from its time on: the first of its millisecond whose message starts as it does. */
export function indexOfEvent(events: readonly LogEvent[], sought: SoughtEvent): number {
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (event.timestamp > sought.timestamp) break;
    if (event.timestamp === sought.timestamp && (sought.messagePrefix === undefined || event.message.startsWith(sought.messagePrefix))) return index;
  }
  return -1;
}
