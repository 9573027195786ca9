/** The alarm editor's calls to the world: the metric's history, the account's SNS topics, saving, re-reading. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MetricAlarm, MetricAlarmDefinition, MetricDataRequest } from '../../../../../shared/contract';
import { isApiError } from '../../../../../shared/errors';
import { useScope } from '../../../app/scope';
import { alarmsKeys } from '../alarmsKeys';


/** The alarm's metric history: fetched when the metric, statistic or period change, never on a threshold drag. */
export function useAlarmHistoryData(request: MetricDataRequest | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: alarmsKeys.editorHistory(key, request),
    queryFn: () => {
      if (!request) throw new Error('No request');
      return window.api.metrics.getData(request);
    },
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useSnsTopics() {
  const { key } = useScope();
  return useQuery({ queryKey: alarmsKeys.topics(key), queryFn: () => window.api.alarms.topics({}), staleTime: 60_000 });
}

export function useCreateTopic() {
  const { key } = useScope();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => window.api.alarms.createTopic({ name }),
    onSuccess: () => client.invalidateQueries({ queryKey: alarmsKeys.topics(key) }),
  });
}

export interface PutAlarmRequest {
  readonly alarm: MetricAlarmDefinition;
  /** The AlarmConfigurationUpdatedTimestamp the edit started from; absent for a new alarm (or to recreate a deleted one). */
  readonly expectedConfigurationUpdatedAt?: number;
}

/**
 * Saves the alarm; the scope's alarms queries are refreshed after, so details show the change. Not the lists:
 * the saved alarm takes its row in place there (AlarmsView), where reading 10,000 alarms again would take
 * seconds. The refresh is not waited for: the caller's own onSuccess must run first, before a refreshed alarm
 * (with a new configuration time) replaces the editor it was called from, which would drop that callback.
 */
export function usePutAlarm() {
  const { key } = useScope();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: PutAlarmRequest): Promise<{ readonly alarm: MetricAlarm }> => window.api.alarms.put(request),
    onSuccess: () => {
      const kind = alarmsKeys.all(key).length; // where a key says what it holds: 'list', 'alarm', 'history', …
      void client.invalidateQueries({ queryKey: alarmsKeys.all(key), predicate: (query) => query.queryKey[kind] !== 'list' });
    },
  });
}

/** The alarm as it is on the server now (for a conflict); undefined when it was deleted. */
export async function readAlarmNow(name: string): Promise<MetricAlarm | undefined> {
  try {
    const { alarm } = await window.api.alarms.get({ name });
    return alarm.kind === 'metric' ? alarm : undefined;
  } catch (error) {
    if (isApiError(error) && error.code === 'NotFound') return undefined;
    throw error;
  }
}
