import { describe, expect, it } from 'vitest';
import { compareKeys, keyAfter, keyAtTime, StreamEvents, type StoredEvent } from './stream-events';

let sequence = 0;
function event(timestamp: number, ingestionTime = 1000): StoredEvent {
  sequence++;
  return { timestamp, ingestionTime, sequence, message: `m${timestamp}`, size: 3 };
}

function timestamps(events: StreamEvents): number[] {
  return Array.from({ length: events.length }, (_, i) => (events.at(i) as StoredEvent).timestamp);
}

describe('StreamEvents', () => {
  it('appends in-order batches and merges late ones into place', () => {
    const events = new StreamEvents();
    events.insertSorted([event(10), event(20), event(30)]);
    events.insertSorted([event(40), event(50)]);
    events.insertSorted([event(5), event(25), event(45), event(60)]);
    events.insertSorted([]);
    expect(timestamps(events)).toEqual([5, 10, 20, 25, 30, 40, 45, 50, 60]);
  });

  it('keeps equal timestamps in arrival order', () => {
    const events = new StreamEvents();
    const a = event(10);
    const b = event(10);
    events.insertSorted([a]);
    events.insertSorted([b]);
    expect(events.at(0)).toBe(a);
    expect(events.at(1)).toBe(b);
  });

  it('finds time ranges and positions by binary search', () => {
    const events = new StreamEvents();
    const stored = [event(10), event(20), event(20), event(30)];
    events.insertSorted(stored);
    expect(events.indexOfTime(0)).toBe(0);
    expect(events.indexOfTime(20)).toBe(1);
    expect(events.indexOfTime(21)).toBe(3);
    expect(events.indexOfTime(99)).toBe(4);
    expect(events.indexOfKey(stored[2] as StoredEvent)).toBe(2);
    expect(events.indexOfKey(keyAfter(stored[2] as StoredEvent))).toBe(3);
    expect(events.indexOfKey(keyAtTime(20))).toBe(1);
  });

  it('orders keys by timestamp, then ingestion time, then sequence', () => {
    expect(compareKeys({ timestamp: 1, ingestionTime: 9, sequence: 9 }, { timestamp: 2, ingestionTime: 0, sequence: 0 })).toBeLessThan(0);
    expect(compareKeys({ timestamp: 1, ingestionTime: 1, sequence: 9 }, { timestamp: 1, ingestionTime: 2, sequence: 0 })).toBeLessThan(0);
    expect(compareKeys({ timestamp: 1, ingestionTime: 1, sequence: 2 }, { timestamp: 1, ingestionTime: 1, sequence: 1 })).toBeGreaterThan(0);
  });
});
