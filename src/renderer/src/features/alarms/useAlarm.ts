/**
 * One alarm's detail: the alarm as it is now, its history (30 days, every type: the timeline, the state
 * bands and the actions' deliveries all read it), its metric's data, and the metric filters its metric
 * comes from. Changes (mute, set state, delete) update the detail and the loaded lists.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alarm, AlarmState, MetricDataRequest } from '../../../../shared/contract';
import { useScope } from '../../app/scope';
import { alarmsKeys } from './alarmsKeys';
import { updateListedAlarm } from './useAlarmList';

/**
 * One alarm as CloudWatch describes it. `forEditing`: read anew whenever an editor opens on it, never taken
 * from a read that began earlier (for the detail), which may predate a change made elsewhere meanwhile.
 */
export function useAlarm(name: string, { forEditing = false } = {}) {
  const { key } = useScope();
  return useQuery({
    queryKey: forEditing ? [...alarmsKeys.alarm(key, name), 'to-edit'] : alarmsKeys.alarm(key, name),
    queryFn: () => window.api.alarms.get({ name }),
    staleTime: 0,
    ...(forEditing ? { gcTime: 0 } : {}),
    retry: (failures, error) => failures < 2 && !isNotFound(error),
  });
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NotFound';
}

/** Everything CloudWatch keeps (30 days), up to this moment: a refresh or a change made here reads it again. */
export function useAlarmHistory(name: string) {
  const { key } = useScope();
  return useQuery({
    queryKey: alarmsKeys.history(key, name),
    queryFn: () => window.api.alarms.history({ name }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useAlarmData(request: MetricDataRequest | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: request ? alarmsKeys.data(key, request) : [...alarmsKeys.all(key), 'data', 'none'],
    queryFn: () => {
      if (!request) throw new Error('No request');
      return window.api.metrics.getData(request);
    },
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The metric filters that emit the metric (none asked for a math alarm or an alarm on no metric). */
export function useMetricFiltersOf(metric: { readonly namespace: string; readonly metricName: string } | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: alarmsKeys.metricFilters(key, metric?.namespace ?? '', metric?.metricName ?? ''),
    queryFn: () => window.api.metricFilters.list({ metricNamespace: metric?.namespace ?? '', metricName: metric?.metricName ?? '' }),
    enabled: metric !== undefined,
    staleTime: 60_000,
  });
}

/** After a change: the alarm read again into its detail and the lists, and its history refreshed. */
function useRefreshAlarm() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return async (name: string): Promise<void> => {
    await queryClient.invalidateQueries({ queryKey: alarmsKeys.history(key, name) });
    const fresh = await queryClient.fetchQuery({ queryKey: alarmsKeys.alarm(key, name), queryFn: () => window.api.alarms.get({ name }), staleTime: 0 });
    updateListedAlarm(queryClient, key, name, fresh.alarm);
  };
}

export function useSetActionsEnabled() {
  const refresh = useRefreshAlarm();
  return useMutation({
    mutationFn: async (request: { readonly alarm: Alarm; readonly enabled: boolean }) => {
      await window.api.alarms.setActionsEnabled({ names: [request.alarm.name], enabled: request.enabled });
      await refresh(request.alarm.name);
    },
  });
}

export function useSetAlarmState() {
  const refresh = useRefreshAlarm();
  return useMutation({
    mutationFn: async (request: { readonly name: string; readonly state: AlarmState; readonly reason: string }) => {
      await window.api.alarms.setState(request);
      await refresh(request.name);
    },
  });
}

export function useDeleteAlarm() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => window.api.alarms.delete({ names: [name] }),
    onSuccess: (_nothing, name) => {
      updateListedAlarm(queryClient, key, name, undefined);
      queryClient.removeQueries({ queryKey: alarmsKeys.alarm(key, name) });
      queryClient.removeQueries({ queryKey: alarmsKeys.history(key, name) });
    },
  });
}
