/**
 * Where a tail's events go between the API and the table: batched into one store append per animation
 * frame (never one per event), held back while the reader has paused and added in order on resume,
 * kept within the memory cap by dropping the oldest, and counted — received, dropped, the rate, and
 * when AWS sent a sample instead of every event.
 */
import type { FoundEvent } from '../../../../../shared/contract';
import type { EventStore } from '../../../components/event-table/eventStore';
import { capPlan, TAIL_EVENT_CAP } from './capAccounting';
import { PauseBuffer } from './pauseBuffer';
import { RateMeter } from './rateMeter';

/**
 * The store drops whole pages, as they were appended: adding at most this many at a time keeps the
 * table from losing a long pause's worth of events at once when the cap is reached.
 */
export const APPEND_PIECE = 8192;

export interface TailFeedOptions {
  /** Runs `flush` before the next frame is drawn; returns a function that cancels it. */
  readonly scheduleFlush: (flush: () => void) => () => void;
  readonly now: () => number;
  readonly cap?: number;
}

/** The updates in which AWS sent a sample: more matched than it sends (500 a second). */
export interface Sampling {
  readonly first: number;
  readonly last: number;
  readonly updates: number;
}

export interface TailFeedSnapshot {
  readonly paused: boolean;
  /** Events that arrived while paused, not in the table yet. */
  readonly waiting: number;
  /** Events received since the tail started, dropped ones included. */
  readonly received: number;
  /** The oldest events, dropped to stay within the cap. */
  readonly dropped: number;
  readonly cap: number;
  readonly sampling: Sampling | undefined;
  /** The earliest timestamp of any event received: where a download of everything the tail saw starts. */
  readonly earliestTimestamp: number | undefined;
}

export class TailFeed {
  private readonly cap: number;
  private readonly rate: RateMeter;
  private readonly buffer = new PauseBuffer<FoundEvent>();
  private pending: (readonly FoundEvent[])[] = [];
  private cancelFlush: (() => void) | undefined;
  private listeners = new Set<() => void>();
  private received = 0;
  private dropped = 0;
  private earliest = Number.POSITIVE_INFINITY;
  private sampling: Sampling | undefined;
  private state: TailFeedSnapshot;

  constructor(
    private readonly store: EventStore<FoundEvent>,
    private readonly options: TailFeedOptions,
  ) {
    this.cap = options.cap ?? TAIL_EVENT_CAP;
    this.rate = new RateMeter(options.now());
    this.state = this.counts(false);
  }

  /** A batch of new events from the tail, oldest first; the table and the counts change at the next frame. */
  receive(events: readonly FoundEvent[], sampled: boolean): void {
    const now = this.options.now();
    this.rate.add(events.length, now);
    this.received += events.length;
    for (const event of events) this.earliest = Math.min(this.earliest, event.timestamp);
    if (sampled) this.sampling = { first: this.sampling?.first ?? now, last: now, updates: (this.sampling?.updates ?? 0) + 1 };
    if (events.length > 0) this.pending.push(events);
    this.cancelFlush ??= this.options.scheduleFlush(() => {
      this.cancelFlush = undefined;
      this.flush();
    });
  }

  /** New events are kept aside, not added to the table, until `resume`. */
  pause(): void {
    if (this.state.paused) return;
    this.publish(true);
  }

  /** Adds the events kept while paused, then those still on their way, in the order they came. */
  resume(): void {
    if (!this.state.paused) return;
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    const events = this.buffer.takeAll();
    for (const batch of this.takePending()) for (const event of batch) events.push(event);
    this.addToTable(events);
    this.keepWithinCap();
    this.publish(false);
  }

  ratePerSecond(): number {
    return this.rate.perSecond(this.options.now());
  }

  /** The same object until something changes, for React's useSyncExternalStore. */
  snapshot(): TailFeedSnapshot {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds what is on its way now, without waiting for a frame: the tail stopped. */
  flushNow(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    this.flush();
  }

  private flush(): void {
    const batches = this.takePending();
    if (this.state.paused) {
      for (const batch of batches) this.buffer.push(batch);
    } else {
      this.addToTable(batches.length === 1 ? batches[0]! : batches.flat());
    }
    this.keepWithinCap();
    this.publish(this.state.paused);
  }

  private addToTable(events: readonly FoundEvent[]): void {
    if (events.length <= APPEND_PIECE) this.store.append(events);
    else for (let from = 0; from < events.length; from += APPEND_PIECE) this.store.append(events.slice(from, from + APPEND_PIECE));
  }

  private takePending(): (readonly FoundEvent[])[] {
    const batches = this.pending;
    this.pending = [];
    return batches;
  }

  private keepWithinCap(): void {
    const plan = capPlan(this.store.count, this.buffer.count, this.cap);
    let dropped = 0;
    if (plan.tableKeeps !== undefined) {
      const before = this.store.count;
      this.store.dropOldest(plan.tableKeeps);
      dropped += before - this.store.count;
    }
    dropped += this.buffer.dropOldest(plan.bufferDrops);
    this.dropped += dropped;
  }

  private publish(paused: boolean): void {
    this.state = this.counts(paused);
    for (const listener of this.listeners) listener();
  }

  private counts(paused: boolean): TailFeedSnapshot {
    return {
      paused,
      waiting: this.buffer.count,
      received: this.received,
      dropped: this.dropped,
      cap: this.cap,
      sampling: this.sampling,
      earliestTimestamp: Number.isFinite(this.earliest) ? this.earliest : undefined,
    };
  }
}
