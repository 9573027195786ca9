/**
 * The scope (connection + region) every view works in. The app frame loads it and hands it down;
 * views only render once it is loaded, and are remounted when it changes.
 */
import { createContext, useContext } from 'react';
import type { Scope } from '../../../shared/contract';
import type { ScopeKey } from '../api/queryKeys';

export interface LoadedScope {
  readonly scope: Scope;
  /** The first part of every query key of this scope's AWS data. */
  readonly key: ScopeKey;
}

export const ScopeContext = createContext<LoadedScope | null>(null);

/** The scope of the view being rendered. */
export function useScope(): LoadedScope {
  const loaded = useContext(ScopeContext);
  if (!loaded) throw new Error('useScope is used outside a loaded scope.');
  return loaded;
}
