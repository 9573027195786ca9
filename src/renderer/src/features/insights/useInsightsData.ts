/** What the Insights view reads besides running queries: the groups' fields, saved queries, a result's record. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryDefinition } from '../../../../shared/contract';
import { useScope } from '../../app/scope';
import { insightsKeys } from './insightsKeys';

/** Fields of the chosen groups' recent events (GetLogGroupFields); none while no group is chosen. */
export function useGroupFields(groups: readonly string[]) {
  const { key } = useScope();
  return useQuery({
    queryKey: insightsKeys.fields(key, groups),
    queryFn: () => window.api.insights.groupFields({ logGroupNames: [...groups] }),
    enabled: groups.length > 0,
    staleTime: 5 * 60_000,
  });
}

export function useDefinitions() {
  const { key } = useScope();
  return useQuery({ queryKey: insightsKeys.definitions(key), queryFn: () => window.api.insights.listDefinitions({}) });
}

export function useSaveDefinition() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (definition: Omit<QueryDefinition, 'id' | 'lastModified'> & { readonly id?: string }) =>
      window.api.insights.putDefinition({ ...definition, logGroupNames: [...definition.logGroupNames] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: insightsKeys.definitions(key) }),
  });
}

export function useDeleteDefinition() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => window.api.insights.deleteDefinition({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: insightsKeys.definitions(key) }),
  });
}

/** The whole event behind a result row, by its `@ptr`. */
export function useLogRecord(pointer: string | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: insightsKeys.record(key, pointer ?? ''),
    queryFn: () => window.api.insights.getRecord({ logRecordPointer: pointer ?? '' }),
    enabled: pointer !== undefined && pointer !== '',
    staleTime: Infinity,
  });
}
