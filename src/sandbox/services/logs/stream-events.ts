/**
 * The events of one log stream, kept sorted by (timestamp, ingestionTime, sequence) so that time ranges
 * are found by binary search and pages are read in place. Batches usually append; late events are merged
 * in from their insertion point only.
 */
import { partitionPoint } from '../../core/sorted';

/** A position in a stream's order; also what pagination tokens carry. */
export interface EventKey {
  readonly timestamp: number;
  readonly ingestionTime: number;
  /** Unique within the stream, increasing in arrival order. */
  readonly sequence: number;
}

export interface StoredEvent extends EventKey {
  readonly message: string;
  /** UTF-8 bytes of the message. */
  readonly size: number;
}

export function compareKeys(a: EventKey, b: EventKey): number {
  return a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime || a.sequence - b.sequence;
}

/** The position just after an event: every event after it compares greater or equal. */
export function keyAfter(event: EventKey): EventKey {
  return { timestamp: event.timestamp, ingestionTime: event.ingestionTime, sequence: event.sequence + 1 };
}

/** The position before every event at `timestamp` or later (ingestion times are >= 0, so -1 precedes them). */
export function keyAtTime(timestamp: number): EventKey {
  return { timestamp, ingestionTime: -1, sequence: 0 };
}

export class StreamEvents {
  private readonly events: StoredEvent[] = [];

  get length(): number {
    return this.events.length;
  }

  at(index: number): StoredEvent | undefined {
    return this.events[index];
  }

  /** Adds events that are sorted among themselves. */
  insertSorted(batch: readonly StoredEvent[]): void {
    const first = batch[0];
    if (first === undefined) return;
    const last = this.events[this.events.length - 1];
    if (last === undefined || compareKeys(last, first) < 0) {
      for (const event of batch) this.events.push(event);
      return;
    }
    const tail = this.events.splice(this.indexOfKey(first));
    mergeInto(this.events, tail, batch);
  }

  /** Index of the first event at or after `key`. */
  indexOfKey(key: EventKey): number {
    return this.partitionPoint((event) => compareKeys(event, key) < 0);
  }

  /** Index of the first event with a timestamp at or after `timestamp`. */
  indexOfTime(timestamp: number): number {
    return this.partitionPoint((event) => event.timestamp < timestamp);
  }

  /** Index of the first event for which `isBefore` fails; it must hold for a prefix of the stream only. */
  partitionPoint(isBefore: (event: StoredEvent) => boolean): number {
    return partitionPoint(this.events, isBefore);
  }
}

function mergeInto(target: StoredEvent[], left: readonly StoredEvent[], right: readonly StoredEvent[]): void {
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as StoredEvent;
    const b = right[j] as StoredEvent;
    if (compareKeys(a, b) <= 0) {
      target.push(a);
      i++;
    } else {
      target.push(b);
      j++;
    }
  }
  while (i < left.length) target.push(left[i++] as StoredEvent);
  while (j < right.length) target.push(right[j++] as StoredEvent);
}
