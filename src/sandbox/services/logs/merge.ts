/**
 * Reads several streams' events as one sequence ordered by (timestamp, ingestion time, stream name,
 * sequence), lazily: a heap holds one cursor per stream, each found by binary search, so a page costs
 * the events it reads plus a logarithm per stream, wherever in the streams it starts, never copying one.
 */
import type { LogStream } from './store';
import type { StoredEvent } from './stream-events';

/** A position in the merged order (the last event a page looked at). */
export interface MergedPosition {
  readonly timestamp: number;
  readonly ingestionTime: number;
  readonly stream: string;
  readonly sequence: number;
}

interface Cursor {
  readonly stream: LogStream;
  index: number;
  readonly end: number;
  /** The event at `index`, kept so that comparing cursors reads no array. */
  head: StoredEvent;
}

export class MergedEvents {
  private readonly heap: Cursor[] = [];

  /**
   * @param streams the streams to read
   * @param startTime only events at or after this time (inclusive)
   * @param endTime only events at or before this time (inclusive)
   * @param after only events after this position
   */
  constructor(streams: readonly LogStream[], startTime: number | undefined, endTime: number | undefined, after: MergedPosition | undefined) {
    for (const stream of streams) {
      const events = stream.events;
      let index = startTime === undefined ? 0 : events.indexOfTime(startTime);
      if (after !== undefined) index = Math.max(index, firstIndexAfter(stream, after));
      const end = endTime === undefined ? events.length : events.indexOfTime(endTime + 1);
      if (index < end) this.push({ stream, index, end, head: events.at(index) as StoredEvent });
    }
  }

  get done(): boolean {
    return this.heap.length === 0;
  }

  /** The stream of the next event in merged order (undefined when done). */
  get stream(): LogStream | undefined {
    return this.heap[0]?.stream;
  }

  /** The next event in merged order, without consuming it (undefined when done). */
  get event(): StoredEvent | undefined {
    return this.heap[0]?.head;
  }

  /** Consumes the next event. */
  advance(): void {
    const top = this.heap[0];
    if (top === undefined) return;
    top.index++;
    if (top.index < top.end) {
      top.head = top.stream.events.at(top.index) as StoredEvent;
      this.siftDown(0);
    } else {
      const last = this.heap.pop() as Cursor;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
  }

  private push(cursor: Cursor): void {
    this.heap.push(cursor);
    let child = this.heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >>> 1;
      if (!precedes(this.heap[child] as Cursor, this.heap[parent] as Cursor)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let parent = start;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < heap.length && precedes(heap[left] as Cursor, heap[smallest] as Cursor)) smallest = left;
      if (right < heap.length && precedes(heap[right] as Cursor, heap[smallest] as Cursor)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const held = this.heap[a] as Cursor;
    this.heap[a] = this.heap[b] as Cursor;
    this.heap[b] = held;
  }
}

function precedes(x: Cursor, y: Cursor): boolean {
  const ex = x.head;
  const ey = y.head;
  if (ex.timestamp !== ey.timestamp) return ex.timestamp < ey.timestamp;
  if (ex.ingestionTime !== ey.ingestionTime) return ex.ingestionTime < ey.ingestionTime;
  if (x.stream !== y.stream) return x.stream.name < y.stream.name;
  return ex.sequence < ey.sequence;
}

/** Index of the first event of `stream` that comes after `position` in merged order. */
function firstIndexAfter(stream: LogStream, position: MergedPosition): number {
  return stream.events.partitionPoint((event) => {
    const byTime = event.timestamp - position.timestamp || event.ingestionTime - position.ingestionTime;
    if (byTime !== 0) return byTime < 0;
    if (stream.name !== position.stream) return stream.name < position.stream;
    return event.sequence <= position.sequence;
  });
}
