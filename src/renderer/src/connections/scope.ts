/**
 * The scope (connection + region) every view works in: reading it, switching it, and the context
 * that hands the loaded scope to the views.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { Scope } from '../../../shared/contract';
import { currentScopeKey, isOtherScope, scopeKey, type ScopeKey } from '../api/queryKeys';

export function useCurrentScope() {
  return useQuery({ queryKey: currentScopeKey, queryFn: () => window.api.connections.current({}) });
}

export function useConnections() {
  return useQuery({ queryKey: ['connections'], queryFn: () => window.api.connections.list({}) });
}

/** Switches scope; on success every query of the old scope is dropped (main has already cancelled its calls). */
export function useSelectScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { connectionId: string; region: string }) => window.api.connections.select(target),
    onSuccess: (scope) => {
      queryClient.setQueryData(currentScopeKey, scope);
      const key = scopeKey(scope);
      queryClient.removeQueries({ predicate: (query) => isOtherScope(query, key) });
    },
  });
}

export interface LoadedScope {
  readonly scope: Scope;
  readonly key: ScopeKey;
}

export const ScopeContext = createContext<LoadedScope | null>(null);

/** The scope of the view being rendered; views only render once it is loaded. */
export function useScope(): LoadedScope {
  const loaded = useContext(ScopeContext);
  if (!loaded) throw new Error('useScope is used outside a loaded scope.');
  return loaded;
}
