/**
 * Every alarm of the scope (or those whose names start with a prefix, asked of AWS), loaded page by
 * page through the `alarms.list` stream: the list grows as pages arrive, with the pages so far and
 * AWS's throttles for the progress line. A change made here updates the loaded list in place.
 */
import { experimental_streamedQuery as streamedQuery, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Alarm, AlarmChanges, AlarmPage } from '../../../../shared/contract';
import { streamIterable } from '../../../../shared/stream-iterable';
import type { ScopeKey } from '../../api/queryKeys';
import { useScope } from '../../app/scope';
import { alarmsKeys } from './alarmsKeys';

export interface AlarmList {
  readonly alarms: Alarm[];
  readonly pages: number;
  readonly throttled: number;
}

const EMPTY: AlarmList = { alarms: [], pages: 0, throttled: 0 };

export function useAlarmList(namePrefix: string) {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const queryKey = alarmsKeys.list(key, namePrefix);
  const query = useQuery({
    queryKey,
    queryFn: streamedQuery<AlarmPage, AlarmList>({
      streamFn: ({ signal }) => streamIterable((listener) => window.api.alarms.list(namePrefix === '' ? {} : { namePrefix }, listener), signal),
      reducer: (list, page) => {
        // Appended in place (a fresh array for a fresh listing): copying 10,000 alarms per page would cost more than the page.
        const alarms = list === EMPTY ? [...page.alarms] : list.alarms;
        if (list !== EMPTY) alarms.push(...page.alarms);
        return { alarms, pages: page.pages, throttled: page.throttled };
      },
      initialValue: EMPTY,
      refetchMode: 'reset',
    }),
    structuralSharing: false,
  });
  const stop = useCallback(() => queryClient.cancelQueries({ queryKey: alarmsKeys.list(key, namePrefix), exact: true }), [queryClient, key, namePrefix]);
  return { query, stop };
}

/** Replaces (or with `undefined`, removes) one alarm in every loaded list of the scope. */
export function updateListedAlarm(queryClient: QueryClient, scope: ScopeKey, name: string, alarm: Alarm | undefined): void {
  for (const [queryKey, list] of queryClient.getQueriesData<AlarmList>({ queryKey: [...alarmsKeys.all(scope), 'list'] })) {
    if (!list) continue;
    const alarms = alarm ? list.alarms.map((listed) => (listed.name === name ? alarm : listed)) : list.alarms.filter((listed) => listed.name !== name);
    queryClient.setQueryData<AlarmList>(queryKey, { ...list, alarms });
  }
}

/** Adds a new alarm to the loaded lists it belongs in (by their name prefix); false when it is listed already. */
export function addListedAlarm(queryClient: QueryClient, scope: ScopeKey, alarm: Alarm): boolean {
  let listed = false;
  for (const [queryKey, list] of queryClient.getQueriesData<AlarmList>({ queryKey: [...alarmsKeys.all(scope), 'list'] })) {
    if (!list) continue;
    if (list.alarms.some((known) => known.name === alarm.name)) {
      listed = true;
      continue;
    }
    const prefix = queryKey[alarmsKeys.all(scope).length + 1];
    if (typeof prefix === 'string' && alarm.name.startsWith(prefix)) queryClient.setQueryData<AlarmList>(queryKey, { ...list, alarms: [...list.alarms, alarm] });
  }
  return listed;
}

/**
 * Brings the loaded lists of the scope up to date with `alarms.changes`: changed alarms replace their rows
 * or join the lists they belong in, deleted ones leave; too many changes list everything again.
 */
export function applyAlarmChanges(queryClient: QueryClient, scope: ScopeKey, changes: AlarmChanges): void {
  if (changes.tooMany) {
    void queryClient.invalidateQueries({ queryKey: [...alarmsKeys.all(scope), 'list'] });
    return;
  }
  for (const alarm of changes.alarms) {
    if (addListedAlarm(queryClient, scope, alarm)) updateListedAlarm(queryClient, scope, alarm.name, alarm);
  }
  for (const name of changes.removed) updateListedAlarm(queryClient, scope, name, undefined);
}

/** Whether a list of the scope is still loading its pages (its stream would overwrite changes made to it). */
export function isListLoading(queryClient: QueryClient, scope: ScopeKey): boolean {
  return queryClient.isFetching({ queryKey: [...alarmsKeys.all(scope), 'list'] }) > 0;
}