/**
 * The scope (connection + region) as main knows it: reading it, switching it, and keeping the query
 * cache in step when it changes. The app frame hands the loaded scope to the views (app/scope.ts).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Scope } from '../../../../shared/contract';
import { isOtherScope, isScopedTo, scopeKey } from '../../api/queryKeys';
import { connectionKeys } from './connectionKeys';

const currentScopeQuery = { queryKey: connectionKeys.current, queryFn: () => window.api.connections.current({}) };

export function useCurrentScope() {
  return useQuery(currentScopeQuery);
}

/** Every connection, with the config files' problems and whether the keychain works. */
export function useConnections() {
  return useQuery({ queryKey: connectionKeys.list, queryFn: () => window.api.connections.list({}) });
}

/** Reads the connection list again (profiles may have changed on disk), showing the cached one meanwhile. */
export function useReloadConnections(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: connectionKeys.list }), [queryClient]);
}

/** Shows `scope` everywhere and drops every query of other scopes (main has already cancelled their calls). */
export function showScope(queryClient: QueryClient, scope: Scope): void {
  queryClient.setQueryData(connectionKeys.current, scope);
  const key = scopeKey(scope);
  queryClient.removeQueries({ predicate: (query) => isOtherScope(query, key) });
}

/** Switches scope. Without a region, main picks the connection's region (its default, or the last one used). */
export function useSelectScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { connectionId: string; region?: string }) => window.api.connections.select(target),
    onSuccess: (scope) => showScope(queryClient, scope),
  });
}

/**
 * After a connection was edited or deleted: reload the list, and when it is the one in use, read the
 * scope again (main may have moved to another connection) and reload its data, which came from the
 * old keys or endpoint.
 */
export function useAfterConnectionChanged(): (connectionId: string, removed: boolean) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback((connectionId, removed) => afterConnectionChanged(queryClient, connectionId, removed), [queryClient]);
}

async function afterConnectionChanged(queryClient: QueryClient, connectionId: string, removed: boolean): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: connectionKeys.list });
  const current = queryClient.getQueryData<Scope>(connectionKeys.current);
  if (current?.connection.id !== connectionId) {
    if (removed) queryClient.removeQueries({ predicate: (query) => isScopedTo(query, connectionId) });
    return;
  }
  let scope: Scope;
  try {
    scope = await queryClient.fetchQuery({ ...currentScopeQuery, staleTime: 0 });
  } catch {
    return; // The app frame shows the failed scope with a Retry.
  }
  showScope(queryClient, scope);
  // Not awaited: reloading a large account's data must not hold up the dialog.
  if (scope.connection.id === connectionId) void queryClient.resetQueries({ predicate: (query) => isScopedTo(query, connectionId) });
}

/** Fetches again the queries of `connectionId` that failed, e.g. after an MFA code or a sign-in. */
export function retryFailedQueries(queryClient: QueryClient, connectionId: string): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => isScopedTo(query, connectionId) && query.state.status === 'error',
  });
}
