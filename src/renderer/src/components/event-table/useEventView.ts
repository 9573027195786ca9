/** The rows of a store for an EventTable, renewed as the store changes: all of them, or only the events whose keys are given. */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { EventStore } from './eventStore';
import { keyListView, storeView, type RowView } from './rowView';

export function useEventView<E>(store: EventStore<E>, onlyKeys?: Int32Array): RowView<E> {
  const views = useMemo(() => new ViewPerVersion(store, onlyKeys), [store, onlyKeys]);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const getSnapshot = useCallback(() => views.current(), [views]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** One view per version of the store, so React sees a new one exactly when the rows change. */
class ViewPerVersion<E> {
  private version = -1;
  private view: RowView<E> | undefined;

  constructor(
    private readonly store: EventStore<E>,
    private readonly onlyKeys: Int32Array | undefined,
  ) {}

  current(): RowView<E> {
    if (this.view === undefined || this.version !== this.store.version) {
      this.version = this.store.version;
      this.view = this.onlyKeys ? keyListView(this.store, this.onlyKeys) : storeView(this.store);
    }
    return this.view;
  }
}
