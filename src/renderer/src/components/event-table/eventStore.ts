/**
 * The events a view has loaded, oldest first, for up to millions of them: pages of newer events are
 * appended and pages of older ones prepended in time proportional to the page, never to what is
 * already loaded, and any row is reached by index in O(log pages).
 *
 * Every event gets a key when it arrives — a number that stays its own while it is loaded, whatever
 * is added before or after it — so rows, selections and search results can name events by key.
 * Keys are consecutive: the first event's key, plus its index, is any event's key.
 */

export type RowKey = number;

/** What changed, for mirrors of the store (the search worker): the events added, with the key of the first. */
export type StoreChange<E> =
  | { readonly type: 'append' | 'prepend'; readonly firstKey: RowKey; readonly events: readonly E[] }
  /** The oldest events up to (not including) `firstKey` were dropped. */
  | { readonly type: 'drop'; readonly firstKey: RowKey }
  | { readonly type: 'clear' };

interface Chunk<E> {
  readonly firstKey: RowKey;
  events: E[];
}

/** Pages smaller than this are merged into the neighbouring chunk, so a live tail's trickle does not make a chunk per event. */
const SMALL_CHUNK = 1024;

export class EventStore<E> {
  /** The chunks before the middle, newest of them first (so prepending is a push). */
  private front: Chunk<E>[] = [];
  /** The chunks from the middle on, oldest first (so appending is a push). */
  private back: Chunk<E>[] = [];
  private first: RowKey = 0;
  private end: RowKey = 0;
  private listeners = new Set<(change: StoreChange<E>) => void>();
  /** The chunk found last, as rows are mostly read in order. */
  private recent: { ordinal: number; chunk: Chunk<E> } | undefined;
  private changes = 0;

  /** Changes with every change, for React's useSyncExternalStore. */
  get version(): number {
    return this.changes;
  }

  get count(): number {
    return this.end - this.first;
  }

  get firstKey(): RowKey {
    return this.first;
  }

  keyAt(index: number): RowKey {
    return this.first + index;
  }

  /** The index of the event with `key`, or -1 when it is not loaded. */
  indexOfKey(key: RowKey): number {
    return key >= this.first && key < this.end ? key - this.first : -1;
  }

  at(index: number): E | undefined {
    return this.byKey(this.first + index);
  }

  byKey(key: RowKey): E | undefined {
    if (key < this.first || key >= this.end) return undefined;
    const chunk = this.chunkWith(key);
    return chunk.events[key - chunk.firstKey];
  }

  /** Events from index `from` up to (not including) `to`. */
  slice(from: number, to: number): E[] {
    const result: E[] = [];
    let key = this.first + Math.max(0, from);
    const endKey = this.first + Math.min(this.count, to);
    while (key < endKey) {
      const chunk = this.chunkWith(key);
      const offset = key - chunk.firstKey;
      const take = Math.min(chunk.events.length - offset, endKey - key);
      for (let i = 0; i < take; i++) result.push(chunk.events[offset + i]!);
      key += take;
    }
    return result;
  }

  /**
   * The loaded events with keys from `fromKey` up to (not including) `toKey`, a chunk at a time:
   * `events[from]` up to `events[to]` (excluded) of each, the first of them with key `firstKey + from`.
   */
  *chunks(fromKey: RowKey, toKey: RowKey): Generator<{ readonly firstKey: RowKey; readonly events: readonly E[]; readonly from: number; readonly to: number }> {
    let key = fromKey;
    const end = Math.min(toKey, this.end);
    // The store may change between chunks (the caller may pause): start each from what is still loaded.
    while ((key = Math.max(key, this.first)) < Math.min(end, this.end)) {
      const chunk = this.chunkWith(key);
      const from = key - chunk.firstKey;
      const to = Math.min(chunk.events.length, end - chunk.firstKey);
      yield { firstKey: chunk.firstKey, events: chunk.events, from, to };
      key = chunk.firstKey + to;
    }
  }

  /** The key after the newest event: where the next appended event's key will be. */
  get endKey(): RowKey {
    return this.end;
  }

  /** Adds newer events after the last one. */
  append(events: readonly E[]): void {
    if (events.length === 0) return;
    const firstKey = this.end;
    const last = this.back[this.back.length - 1] ?? (this.back.length === 0 ? this.front[0] : undefined);
    if (last && last.events.length < SMALL_CHUNK && events.length < SMALL_CHUNK) {
      last.events.push(...events);
    } else {
      this.back.push({ firstKey, events: events.slice() });
    }
    this.end += events.length;
    this.emit({ type: 'append', firstKey, events });
  }

  /** Adds older events before the first one. */
  prepend(events: readonly E[]): void {
    if (events.length === 0) return;
    this.first -= events.length;
    const firstKey = this.first;
    const head = this.front[this.front.length - 1] ?? this.back[0];
    if (head && head.events.length < SMALL_CHUNK && events.length < SMALL_CHUNK) {
      const merged: Chunk<E> = { firstKey, events: [...events, ...head.events] };
      if (this.front.length > 0) this.front[this.front.length - 1] = merged;
      else this.back[0] = merged;
      this.recent = undefined;
    } else {
      this.front.push({ firstKey, events: events.slice() });
    }
    this.emit({ type: 'prepend', firstKey, events });
  }

  /**
   * Keeps about the newest `maxCount` events by dropping the oldest pages whole (so a little more may
   * stay). For a live tail that runs for hours.
   */
  dropOldest(maxCount: number): void {
    let dropped = false;
    for (;;) {
      if (this.front.length === 0) {
        // Turn the back around once; each chunk moves at most once, so this is O(1) per drop over time.
        this.front = this.back.reverse();
        this.back = [];
      }
      const oldest = this.front[this.front.length - 1];
      if (!oldest || this.count - oldest.events.length < maxCount) break;
      this.front.pop();
      this.first += oldest.events.length;
      dropped = true;
    }
    this.recent = undefined;
    if (dropped) this.emit({ type: 'drop', firstKey: this.first });
  }

  /** Forgets every event; keys go on from where they were, so old keys never name new events. */
  clear(): void {
    this.front = [];
    this.back = [];
    this.first = this.end;
    this.recent = undefined;
    this.emit({ type: 'clear' });
  }

  /** The index of the first event at or after `timestamp`, for events in time order (`count` if none). */
  indexAtTime(this: EventStore<E & { readonly timestamp: number }>, timestamp: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.at(middle)!.timestamp < timestamp) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: (change: StoreChange<E>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: StoreChange<E>): void {
    this.changes++;
    for (const listener of this.listeners) listener(change);
  }

  private chunkCount(): number {
    return this.front.length + this.back.length;
  }

  private chunkAt(ordinal: number): Chunk<E> {
    return ordinal < this.front.length ? this.front[this.front.length - 1 - ordinal]! : this.back[ordinal - this.front.length]!;
  }

  /** The chunk holding `key`, which must be loaded. */
  private chunkWith(key: RowKey): Chunk<E> {
    const recent = this.recent;
    if (recent && key >= recent.chunk.firstKey && key < recent.chunk.firstKey + recent.chunk.events.length && this.chunkAt(recent.ordinal) === recent.chunk) {
      return recent.chunk;
    }
    let low = 0;
    let high = this.chunkCount() - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.chunkAt(middle).firstKey <= key) low = middle;
      else high = middle - 1;
    }
    const chunk = this.chunkAt(low);
    this.recent = { ordinal: low, chunk };
    return chunk;
  }
}
