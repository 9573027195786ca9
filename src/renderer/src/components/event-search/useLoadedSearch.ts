/** A LoadedSearch for a store, with its worker running for as long as the component that uses it is mounted. */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { EventStore } from '../event-table/eventStore';
import { LoadedSearch, type LoadedSearchState } from './LoadedSearch';
import type { SearchQuery } from './searchQuery';

export interface LoadedSearchControls {
  readonly state: LoadedSearchState;
  search(query: SearchQuery): void;
  /** Back to no search (show every row again). */
  clear(): void;
}

export function useLoadedSearch<E extends { readonly message: string }>(store: EventStore<E>): LoadedSearchControls {
  const search = useMemo(() => new LoadedSearch(store), [store]);
  useEffect(() => {
    search.start();
    return () => search.dispose();
  }, [search]);
  const state = useSyncExternalStore(search.subscribe, search.getState);
  return {
    state,
    search: useCallback((query: SearchQuery) => search.search(query), [search]),
    clear: useCallback(() => search.clear(), [search]),
  };
}
