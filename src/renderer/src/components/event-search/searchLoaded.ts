/**
 * The search itself, as the worker runs it over its copy of the loaded messages: every message is
 * tested once, the work is cut into slices so new pages and newer searches are taken in between, and
 * pages that arrive while it runs are searched before it answers, so the answer covers everything
 * loaded at that moment.
 */
import type { EventStore, RowKey } from '../event-table/eventStore';

/** Work this long between pauses, by default. */
const SLICE_MS = 12;

/**
 * The keys of the messages `matches` accepts, in ascending order; undefined when `pause` (called
 * after a chunk once `sliceMs` have passed) says the search is no longer wanted.
 */
export async function searchLoaded(
  messages: EventStore<string>,
  matches: (message: string) => boolean,
  pause: () => Promise<boolean>,
  sliceMs = SLICE_MS,
): Promise<Int32Array | undefined> {
  const found: { fromKey: RowKey; keys: Int32Array }[] = [];
  let from = messages.firstKey;
  let to = from;
  let sliceStart = performance.now();
  const searchRange = async (start: RowKey, end: RowKey): Promise<boolean> => {
    const keys = new KeyList();
    for (const chunk of messages.chunks(start, end)) {
      for (let i = chunk.from; i < chunk.to; i++) if (matches(chunk.events[i]!)) keys.push(chunk.firstKey + i);
      if (performance.now() - sliceStart >= sliceMs) {
        if (!(await pause())) return false;
        sliceStart = performance.now();
      }
    }
    found.push({ fromKey: start, keys: keys.toArray() });
    return true;
  };
  // Search what is loaded; then what was added before or after it meanwhile, until nothing is left.
  for (;;) {
    if (messages.firstKey < from) {
      const start = messages.firstKey;
      if (!(await searchRange(start, from))) return undefined;
      from = start;
    } else if (messages.endKey > to) {
      const end = messages.endKey;
      if (!(await searchRange(Math.max(to, messages.firstKey), end))) return undefined;
      to = end;
    } else {
      break;
    }
    // After a clear, keys start over past everything searched.
    if (messages.firstKey > to) from = to = messages.firstKey;
  }
  found.sort((a, b) => a.fromKey - b.fromKey);
  return dropGone(concat(found.map((part) => part.keys)), messages.firstKey);
}

/** The keys of `messages` chunk by chunk, without pauses: for a page that just arrived. */
export function searchPage(messages: readonly string[], firstKey: RowKey, matches: (message: string) => boolean): Int32Array {
  const keys = new KeyList();
  for (let i = 0; i < messages.length; i++) if (matches(messages[i]!)) keys.push(firstKey + i);
  return keys.toArray();
}

/** `keys` without those before `firstKey` (events that were dropped). */
export function dropGone(keys: Int32Array, firstKey: RowKey): Int32Array {
  let start = 0;
  while (start < keys.length && keys[start]! < firstKey) start++;
  return start === 0 ? keys : keys.slice(start);
}

export function concat(parts: readonly Int32Array[]): Int32Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const all = new Int32Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** A growing list of keys, kept in a typed array so a million matches take 4 MB, not a million numbers. */
class KeyList {
  private keys = new Int32Array(1024);
  private length = 0;

  push(key: RowKey): void {
    if (this.length === this.keys.length) {
      const grown = new Int32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = key;
  }

  toArray(): Int32Array {
    return this.keys.slice(0, this.length);
  }
}
