/**
 * Where Alt+Left and Backspace go: the view on screen sets its "go back" handler while it has
 * somewhere to go back to; the global shortcut handler calls it.
 */
import { useEffect } from 'react';

let current: (() => void) | undefined;

/** Installs `handler` while it is defined and the component is mounted. */
export function useBackHandler(handler: (() => void) | undefined): void {
  useEffect(() => {
    if (!handler) return;
    current = handler;
    return () => {
      if (current === handler) current = undefined;
    };
  }, [handler]);
}

/** Goes back; false when the view on screen is already at its top level. */
export function goBack(): boolean {
  if (!current) return false;
  current();
  return true;
}
