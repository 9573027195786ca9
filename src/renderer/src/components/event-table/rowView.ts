/**
 * What the event table shows: the rows of a view, each an event with its store key. The whole store
 * is one view; a list of keys (the matches of a search) is another.
 */
import type { EventStore, RowKey } from './eventStore';
import { lowerBound } from './sortedKeys';

export interface RowView<E> {
  readonly count: number;
  /** Undefined when the event is no longer loaded (a key list can outlive dropped events). */
  at(index: number): E | undefined;
  keyAt(index: number): RowKey;
  /** The row of the event with `key`, or -1 when it is not in the view. */
  indexOfKey(key: RowKey): number;
  /** The row of the first event whose key is `key` or later (`count` when none is). */
  indexAtOrAfterKey(key: RowKey): number;
}

/**
 * Every loaded event, as the store holds them now: the view keeps its rows when the store changes
 * later (it is renewed then), so rows and keys never shift under a render that is still using it.
 */
export function storeView<E>(store: EventStore<E>): RowView<E> {
  const count = store.count;
  const firstKey = store.firstKey;
  return {
    count,
    at: (index) => (index >= 0 && index < count ? store.byKey(firstKey + index) : undefined),
    keyAt: (index) => firstKey + index,
    indexOfKey: (key) => (key >= firstKey && key < firstKey + count ? key - firstKey : -1),
    indexAtOrAfterKey: (key) => Math.min(Math.max(key - firstKey, 0), count),
  };
}

/** The events whose keys are in `keys`, which must be in ascending order (as search results are). */
export function keyListView<E>(store: EventStore<E>, keys: Int32Array): RowView<E> {
  return {
    count: keys.length,
    at: (index) => (index >= 0 && index < keys.length ? store.byKey(keys[index]!) : undefined),
    keyAt: (index) => keys[index]!,
    indexOfKey: (key) => {
      const index = lowerBound(keys, key);
      return keys[index] === key ? index : -1;
    },
    indexAtOrAfterKey: (key) => lowerBound(keys, key),
  };
}
