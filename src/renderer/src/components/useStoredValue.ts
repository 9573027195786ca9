/**
 * A value kept in the window's localStorage (preferences such as favourite log groups), shared by every
 * component that reads the same key and kept in step with other windows. Storage may be full, disabled
 * or hold something written by another version: reading then falls back to `parse`'s default.
 */
import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Map<string, Set<() => void>>();

function notify(key: string): void {
  for (const listener of listeners.get(key) ?? []) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== null) notify(event.key);
  });
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

const parsedCache = new Map<string, { readonly raw: string | null; readonly value: unknown }>();

/** `parse` must turn any stored text (or null) into a value; it is called again only when the text changes. */
export function useStoredValue<T>(key: string, parse: (raw: string | null) => T): [T, (update: (current: T) => T) => void] {
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(key) ?? new Set();
      set.add(listener);
      listeners.set(key, set);
      return () => set.delete(listener);
    },
    [key],
  );
  const snapshot = useCallback((): T => {
    const raw = read(key);
    const cached = parsedCache.get(key);
    if (cached && cached.raw === raw) return cached.value as T;
    const value = parse(raw);
    parsedCache.set(key, { raw, value });
    return value;
  }, [key, parse]);
  const value = useSyncExternalStore(subscribe, snapshot);
  const update = useCallback(
    (change: (current: T) => T) => {
      const next = change(snapshot());
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage is full or disabled: the preference lasts as long as this window.
        parsedCache.set(key, { raw: read(key), value: next });
      }
      notify(key);
    },
    [key, snapshot],
  );
  return [value, update];
}
