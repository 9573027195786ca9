/**
 * Every log group of the current scope, loaded page by page through the `logs.listGroups` stream:
 * the data grows as pages arrive, and the query keeps fetching until the last page. One list per scope,
 * shared by every view that picks groups (Logs, Insights).
 */
import { experimental_streamedQuery as streamedQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LogGroup, LogGroupPage } from '../../../shared/contract';
import { streamIterable } from '../../../shared/stream-iterable';
import type { ScopeKey } from './queryKeys';

export const logGroupsKey = (scope: ScopeKey) => [...scope, 'logs', 'groups'] as const;

/** `scope`: the key of the scope the view works in (its `useScope().key`). */
export function useLogGroups(key: ScopeKey) {
  const queryClient = useQueryClient();
  const queryKey = logGroupsKey(key);

  const query = useQuery({
    queryKey,
    queryFn: streamedQuery<LogGroupPage, LogGroup[]>({
      streamFn: ({ signal }) => streamIterable((listener) => window.api.logs.listGroups({}, listener), signal),
      reducer: (groups, page) => groups.concat(page.groups),
      initialValue: [],
      refetchMode: 'reset',
    }),
    // Comparing 10,000 groups with the previous list on every page costs more than it saves.
    structuralSharing: false,
  });

  /** Stops loading, keeping the groups that have arrived. */
  const stop = useCallback(
    () => queryClient.cancelQueries({ queryKey: logGroupsKey(key), exact: true }),
    [queryClient, key],
  );

  return { query, stop };
}
