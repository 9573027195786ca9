/**
 * Changing log groups: retention, creating and deleting. Each change updates the loaded list in place
 * (reloading 10,000 groups to show one change would take seconds) and the group's preferences.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { LogGroup } from '../../../../../shared/contract';
import type { ScopeKey } from '../../../api/queryKeys';
import { useScope } from '../../../app/scope';
import { logsKeys } from '../logsKeys';
import { forgetGroup } from '../../../components/group-preferences/groupPreferences';
import { useGroupPreferences } from './useGroupPreferences';

function updateGroups(queryClient: QueryClient, scope: ScopeKey, change: (groups: LogGroup[]) => LogGroup[]): void {
  queryClient.setQueryData<LogGroup[]>(logsKeys.groups(scope), (groups) => (groups === undefined ? groups : change(groups)));
}

export function useSetRetention() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { logGroupName: string; retentionInDays: number | null }) => window.api.logs.setRetention(request),
    onSuccess: (updated) => updateGroups(queryClient, key, (groups) => groups.map((group) => (group.name === updated.name ? updated : group))),
  });
}

/** Reads a group again after something changed it elsewhere (e.g. its metric filters), updating the loaded list. */
export function useRefreshGroup() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useCallback(
    async (logGroupName: string): Promise<LogGroup> => {
      const updated = await window.api.logs.describeGroup({ logGroupName });
      updateGroups(queryClient, key, (groups) => groups.map((group) => (group.name === updated.name ? updated : group)));
      return updated;
    },
    [queryClient, key],
  );
}

export function useCreateGroup() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { logGroupName: string; retentionInDays?: number; logGroupClass: 'STANDARD' | 'INFREQUENT_ACCESS' }) =>
      window.api.logs.createGroup(request),
    onSuccess: (created) =>
      // AWS lists groups in code-unit order of their names; keep the loaded list that way.
      updateGroups(queryClient, key, (groups) => {
        const at = groups.findIndex((group) => group.name > created.name);
        return at < 0 ? [...groups, created] : [...groups.slice(0, at), created, ...groups.slice(at)];
      }),
  });
}

export function useDeleteGroup() {
  const forget = useForgetGroup();
  return useMutation({
    mutationFn: (logGroupName: string) => window.api.logs.deleteGroup({ logGroupName }),
    onSuccess: (_nothing, logGroupName) => forget(logGroupName),
  });
}

/** Takes a group that no longer exists (deleted here or elsewhere) out of the list, its loaded data and the preferences. */
export function useForgetGroup(): (logGroupName: string) => void {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const [, updatePreferences] = useGroupPreferences();
  return useCallback(
    (logGroupName: string) => {
      updateGroups(queryClient, key, (groups) => groups.filter((group) => group.name !== logGroupName));
      queryClient.removeQueries({ predicate: (query) => isAboutGroup(query.queryKey, key, logGroupName) });
      updatePreferences((preferences) => forgetGroup(preferences, logGroupName));
    },
    [queryClient, key, updatePreferences],
  );
}

/** Streams and events of one group, under `logsKeys`. */
function isAboutGroup(queryKey: readonly unknown[], scope: ScopeKey, logGroupName: string): boolean {
  return scope.every((part, index) => queryKey[index] === part) && queryKey[scope.length] === 'logs' && queryKey[scope.length + 2] === logGroupName;
}
