/**
 * Reads several streams' events as one sequence ordered by (timestamp, ingestion time, stream name,
 * sequence), lazily: a heap holds one cursor per stream, so a page touches only the events it returns
 * plus one per stream, never copying a stream.
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

export interface MergedEvent {
  readonly stream: LogStream;
  readonly event: StoredEvent;
}

interface Cursor {
  readonly stream: LogStream;
  index: number;
  readonly end: number;
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
      if (index < end) this.push({ stream, index, end });
    }
  }

  get done(): boolean {
    return this.heap.length === 0;
  }

  /** The next event in merged order, without consuming it. */
  peek(): MergedEvent | undefined {
    const top = this.heap[0];
    return top === undefined ? undefined : { stream: top.stream, event: top.stream.events.at(top.index) as StoredEvent };
  }

  /** Consumes the event `peek` returned. */
  advance(): void {
    const top = this.heap[0];
    if (top === undefined) return;
    top.index++;
    if (top.index < top.end) {
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
      if (!this.precedes(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  private siftDown(start: number): void {
    let parent = start;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.heap.length && this.precedes(left, smallest)) smallest = left;
      if (right < this.heap.length && this.precedes(right, smallest)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }

  private precedes(a: number, b: number): boolean {
    const x = this.heap[a] as Cursor;
    const y = this.heap[b] as Cursor;
    const ex = x.stream.events.at(x.index) as StoredEvent;
    const ey = y.stream.events.at(y.index) as StoredEvent;
    return (
      ex.timestamp - ey.timestamp ||
      ex.ingestionTime - ey.ingestionTime ||
      (x.stream.name < y.stream.name ? -1 : x.stream.name > y.stream.name ? 1 : 0) ||
      ex.sequence - ey.sequence
    ) < 0;
  }

  private swap(a: number, b: number): void {
    const held = this.heap[a] as Cursor;
    this.heap[a] = this.heap[b] as Cursor;
    this.heap[b] = held;
  }
}

export function positionOf(merged: MergedEvent): MergedPosition {
  return {
    timestamp: merged.event.timestamp,
    ingestionTime: merged.event.ingestionTime,
    stream: merged.stream.name,
    sequence: merged.event.sequence,
  };
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
