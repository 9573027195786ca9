/** Row keys in ascending order (search results), searched by bisection. */
import type { RowKey } from './eventStore';

/** The index of the first key at or after `key` (`keys.length` when there is none). */
export function lowerBound(keys: Int32Array, key: RowKey): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
