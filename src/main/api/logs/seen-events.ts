/**
 * Remembers the events a tail has delivered, to drop them when they come again (a renewed Live Tail
 * session's catch-up overlaps the old session; polls overlap each other). An event is known by its group,
 * stream, timestamp, ingestion time and message: Live Tail gives no event id.
 */
import { createHash } from 'node:crypto';
import type { FoundEvent } from '../../../shared/contract';

/** Messages longer than this are remembered by their digest. */
const MESSAGE_KEY_LIMIT = 256;
const BUCKET_MS = 60_000;

export class SeenEvents {
  /** Keys by the minute of their timestamp, so old ones can be forgotten a minute at a time. */
  private readonly buckets = new Map<number, Set<string>>();

  /** Whether the event is new; remembers it. */
  add(event: FoundEvent): boolean {
    const bucket = Math.floor(event.timestamp / BUCKET_MS);
    let keys = this.buckets.get(bucket);
    if (keys === undefined) {
      keys = new Set();
      this.buckets.set(bucket, keys);
    }
    const key = eventKey(event);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  /** The events not seen before, in their order; remembers them. */
  fresh(events: readonly FoundEvent[]): FoundEvent[] {
    return events.filter((event) => this.add(event));
  }

  /** Forgets events older than `timestamp` (to the minute): the caller will not be shown them again. */
  forgetBefore(timestamp: number): void {
    const limit = Math.floor(timestamp / BUCKET_MS);
    for (const bucket of this.buckets.keys()) if (bucket < limit) this.buckets.delete(bucket);
  }

  get size(): number {
    let size = 0;
    for (const keys of this.buckets.values()) size += keys.size;
    return size;
  }
}

function eventKey(event: FoundEvent): string {
  const message =
    event.message.length > MESSAGE_KEY_LIMIT ? `#${createHash('sha256').update(event.message).digest('base64')}` : `=${event.message}`;
  return `${event.logGroupName}\u0000${event.logStreamName}\u0000${event.timestamp}\u0000${event.ingestionTime}\u0000${message}`;
}
