/**
 * Keeps the loaded alarms current while the Alarms view is on screen: each minute (as often as CloudWatch
 * evaluates alarms) and whenever the window comes back, `alarms.changes` says which alarms changed since
 * the last check, and only those are updated (`applyAlarmChanges`); `onChanged` hears their names (the open
 * alarm's detail reads itself again). A list still loading its pages is left to finish first; the check
 * after it covers the time it took.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useScope } from '../../app/scope';
import { alarmsKeys } from './alarmsKeys';
import { applyAlarmChanges, isListLoading } from './useAlarmList';

const ALARM_CHANGES_INTERVAL_MS = 60_000;

interface ChangesCheck {
  /** Where the next check starts, epoch ms (main reads a few minutes more, for items that show up late). */
  readonly since: number;
  /** When the lists were last brought up to date; undefined before the first check. */
  readonly checkedAt: number | undefined;
}

export function useAlarmChanges(active: boolean, onChanged: (names: ReadonlySet<string>) => void) {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });
  const queryKey = alarmsKeys.changes(key);
  return useQuery({
    queryKey,
    queryFn: async (): Promise<ChangesCheck> => {
      const last = queryClient.getQueryData<ChangesCheck>(queryKey) ?? firstCheck();
      if (isListLoading(queryClient, key)) return last;
      const changes = await window.api.alarms.changes({ since: last.since });
      applyAlarmChanges(queryClient, key, changes);
      onChangedRef.current(new Set([...changes.alarms.map((alarm) => alarm.name), ...changes.removed]));
      return { since: changes.until, checkedAt: Date.now() };
    },
    initialData: firstCheck,
    // No check when the view opens (its lists are being read); then each minute, and on coming back to the window.
    staleTime: ALARM_CHANGES_INTERVAL_MS,
    refetchInterval: ALARM_CHANGES_INTERVAL_MS,
    refetchOnWindowFocus: 'always',
    enabled: active,
  });
}

/** Changes from a minute before the lists were read on (re-reading one already listed is harmless). */
function firstCheck(): ChangesCheck {
  return { since: Date.now() - ALARM_CHANGES_INTERVAL_MS, checkedAt: undefined };
}
