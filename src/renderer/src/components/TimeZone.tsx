/** Whether times show in local time or UTC: one app-wide choice, remembered between sessions. */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { TimeZoneMode } from '../../../shared/format';
import { useStoredValue } from './useStoredValue';

const STORAGE_KEY = 'cloudscope.timeZone';

interface TimeZoneSetting {
  readonly zone: TimeZoneMode;
  setZone(zone: TimeZoneMode): void;
}

const TimeZoneContext = createContext<TimeZoneSetting>({ zone: 'local', setZone: () => undefined });

/** Stored as JSON; earlier versions stored the bare word. */
function parseZone(raw: string | null): TimeZoneMode {
  return raw === '"utc"' || raw === 'utc' ? 'utc' : 'local';
}

export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [zone, update] = useStoredValue(STORAGE_KEY, parseZone);
  const setZone = useCallback((next: TimeZoneMode) => update(() => next), [update]);
  const value = useMemo(() => ({ zone, setZone }), [zone, setZone]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZoneSetting {
  return useContext(TimeZoneContext);
}
