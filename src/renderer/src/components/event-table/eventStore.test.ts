import { describe, expect, it } from 'vitest';
import { EventStore, type StoreChange } from './eventStore';

interface TestEvent {
  readonly timestamp: number;
  readonly message: string;
}

const events = (from: number, count: number): TestEvent[] =>
  Array.from({ length: count }, (_, i) => ({ timestamp: from + i, message: `event ${from + i}` }));

describe('EventStore', () => {
  it('appends newer and prepends older events, in order', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(100, 3));
    store.prepend(events(90, 2));
    store.append(events(103, 2));
    expect(store.count).toBe(7);
    expect(store.slice(0, 7).map((event) => event.timestamp)).toEqual([90, 91, 100, 101, 102, 103, 104]);
    expect(store.at(2)?.message).toBe('event 100');
    expect(store.at(7)).toBeUndefined();
    expect(store.at(-1)).toBeUndefined();
  });

  it('gives each event a key that stays its own when events are added around it', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(0, 5));
    const key = store.keyAt(3);
    store.prepend(events(-2000, 2000));
    store.append(events(5, 2000));
    expect(store.indexOfKey(key)).toBe(2003);
    expect(store.byKey(key)?.timestamp).toBe(3);
    expect(store.keyAt(store.indexOfKey(key))).toBe(key);
  });

  it('agrees with a plain array through any sequence of changes', () => {
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const store = new EventStore<TestEvent>();
    let model: TestEvent[] = [];
    let low = 0;
    let high = 0;
    for (let step = 0; step < 300; step++) {
      const size = [1, 5, 1023, 1024, 3000][random(5)]!;
      const action = random(10);
      if (action < 4) {
        const page = events(high, size);
        high += size;
        store.append(page);
        model = [...model, ...page];
      } else if (action < 8) {
        low -= size;
        const page = events(low, size);
        store.prepend(page);
        model = [...page, ...model];
      } else if (action < 9) {
        const keep = random(model.length + 1);
        store.dropOldest(keep);
        model = model.slice(model.length - store.count);
        expect(store.count).toBeGreaterThanOrEqual(Math.min(keep, model.length));
      } else if (random(4) === 0) {
        store.clear();
        model = [];
      }
      expect(store.count).toBe(model.length);
      for (let probe = 0; probe < 20 && model.length > 0; probe++) {
        const index = random(model.length);
        expect(store.at(index)).toBe(model[index]);
      }
      const from = random(model.length + 1);
      const to = from + random(3000);
      expect(store.slice(from, to)).toEqual(model.slice(from, to));
    }
  });

  it('drops whole pages of the oldest events, keeping at least the newest asked for', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(0, 2000));
    store.append(events(2000, 2000));
    store.append(events(4000, 2000));
    const newestKey = store.keyAt(5999);
    store.dropOldest(3000);
    expect(store.count).toBe(4000);
    expect(store.at(0)?.timestamp).toBe(2000);
    expect(store.indexOfKey(newestKey)).toBe(3999);
    expect(store.byKey(newestKey - 5000)).toBeUndefined();
  });

  it('never reuses keys after it is cleared', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(0, 10));
    const oldKey = store.keyAt(0);
    store.clear();
    store.append(events(0, 10));
    expect(store.indexOfKey(oldKey)).toBe(-1);
  });

  it('finds the first event at or after a time', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(10, 1500));
    store.prepend(events(0, 5));
    expect(store.indexAtTime(-5)).toBe(0);
    expect(store.indexAtTime(3)).toBe(3);
    expect(store.indexAtTime(7)).toBe(5);
    expect(store.indexAtTime(10)).toBe(5);
    expect(store.indexAtTime(1509)).toBe(1504);
    expect(store.indexAtTime(99_999)).toBe(1505);
  });

  it('hands out a range of keys a chunk at a time', () => {
    const store = new EventStore<TestEvent>();
    store.append(events(0, 2000));
    store.prepend(events(-3000, 3000));
    const first = store.firstKey;
    const pieces = [...store.chunks(first + 2500, first + 4000)].map(({ firstKey, events: chunk, from, to }) => ({
      firstKey: firstKey - first,
      from,
      to,
      timestamps: [chunk[from]!.timestamp, chunk[to - 1]!.timestamp],
    }));
    expect(pieces).toEqual([
      { firstKey: 0, from: 2500, to: 3000, timestamps: [-500, -1] },
      { firstKey: 3000, from: 0, to: 1000, timestamps: [0, 999] },
    ]);
    expect([...store.chunks(first - 10, first + 1)]).toHaveLength(1);
    expect([...store.chunks(store.endKey, store.endKey + 5)]).toHaveLength(0);
  });

  it('tells subscribers what changed and moves its version on', () => {
    const store = new EventStore<TestEvent>();
    const changes: StoreChange<TestEvent>[] = [];
    const stop = store.subscribe((change) => changes.push(change));
    const before = store.version;
    store.append(events(5, 2));
    store.prepend(events(0, 5));
    store.append([]);
    stop();
    store.append(events(7, 1));
    expect(store.version).toBe(before + 3);
    expect(changes).toEqual([
      { type: 'append', firstKey: 0, events: events(5, 2) },
      { type: 'prepend', firstKey: -5, events: events(0, 5) },
    ]);
  });

  it('keeps its own copy of a page, so the caller may reuse the array', () => {
    const store = new EventStore<TestEvent>();
    const page = events(0, 2000);
    store.append(page);
    page.length = 0;
    expect(store.count).toBe(2000);
    expect(store.at(1999)?.timestamp).toBe(1999);
  });
});
