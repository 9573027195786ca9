/** Whether times show in local time or UTC: one app-wide choice, remembered between sessions. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TimeZoneMode } from '../../../shared/format';

const STORAGE_KEY = 'cloudscope.timeZone';

interface TimeZoneSetting {
  readonly zone: TimeZoneMode;
  setZone(zone: TimeZoneMode): void;
}

const TimeZoneContext = createContext<TimeZoneSetting>({ zone: 'local', setZone: () => undefined });

export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [zone, setZoneState] = useState<TimeZoneMode>(() => (readStored() === 'utc' ? 'utc' : 'local'));
  const setZone = useCallback((next: TimeZoneMode) => {
    setZoneState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable (private mode, quota); the choice then lasts for this session.
    }
  }, []);
  const value = useMemo(() => ({ zone, setZone }), [zone, setZone]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZoneSetting {
  return useContext(TimeZoneContext);
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
