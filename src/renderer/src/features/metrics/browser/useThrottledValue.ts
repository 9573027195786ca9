/**
 * `value`, passed on at most once per `intervalMs` (the latest one at the end of each interval): a list
 * that grows page by page is redrawn a few times a second, not once per page.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, lastShown.current + intervalMs - Date.now());
    const timer = setTimeout(() => {
      lastShown.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
