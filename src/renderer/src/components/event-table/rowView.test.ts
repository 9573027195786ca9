import { describe, expect, it } from 'vitest';
import { EventStore } from './eventStore';
import { keyListView, storeView } from './rowView';

const events = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ timestamp: from + i, message: `m${from + i}` }));

describe('storeView', () => {
  it('keeps the rows it was made with when the store changes afterwards', () => {
    const store = new EventStore<{ timestamp: number; message: string }>();
    store.append(events(10, 3));
    const view = storeView(store);
    store.prepend(events(0, 2));
    expect(view.count).toBe(3);
    expect(view.at(0)?.timestamp).toBe(10);
    expect(view.at(3)).toBeUndefined();
    const renewed = storeView(store);
    expect(renewed.at(0)?.timestamp).toBe(0);
    expect(renewed.indexOfKey(view.keyAt(0))).toBe(2);
  });

  it('finds the row of a key, or where it would be', () => {
    const store = new EventStore<{ timestamp: number; message: string }>();
    store.append(events(0, 5));
    const view = storeView(store);
    const first = view.keyAt(0);
    expect(view.indexOfKey(first + 4)).toBe(4);
    expect(view.indexOfKey(first + 5)).toBe(-1);
    expect(view.indexAtOrAfterKey(first - 10)).toBe(0);
    expect(view.indexAtOrAfterKey(first + 99)).toBe(5);
  });
});

describe('keyListView', () => {
  it('shows only the events whose keys it lists', () => {
    const store = new EventStore<{ timestamp: number; message: string }>();
    store.append(events(0, 10));
    const keys = Int32Array.from([1, 4, 7].map((i) => store.keyAt(i)));
    const view = keyListView(store, keys);
    expect(view.count).toBe(3);
    expect(view.at(1)?.timestamp).toBe(4);
    expect(view.keyAt(2)).toBe(store.keyAt(7));
    expect(view.indexOfKey(store.keyAt(7))).toBe(2);
    expect(view.indexOfKey(store.keyAt(5))).toBe(-1);
    expect(view.indexAtOrAfterKey(store.keyAt(5))).toBe(2);
    expect(view.indexAtOrAfterKey(store.keyAt(9))).toBe(3);
  });

  it('has nothing to show for keys whose events were dropped', () => {
    const store = new EventStore<{ timestamp: number; message: string }>();
    store.append(events(0, 2000));
    store.append(events(2000, 2000));
    const keys = Int32Array.from([store.keyAt(0), store.keyAt(3000)]);
    store.dropOldest(2000);
    const view = keyListView(store, keys);
    expect(view.at(0)).toBeUndefined();
    expect(view.at(1)?.timestamp).toBe(3000);
  });
});
