/**
 * A side pane's keyboard behaviour: it takes focus when it opens, gives it back (`returnFocus`, e.g. to
 * the table's active row) when it closes while holding it, and Escape closes it.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';

export function usePaneFocus<T extends HTMLElement>(onClose: () => void, returnFocus: (() => void) | undefined) {
  const paneRef = useRef<T>(null);
  const returnFocusRef = useRef(returnFocus);
  useEffect(() => {
    returnFocusRef.current = returnFocus;
  });
  useEffect(() => {
    const pane = paneRef.current;
    pane?.focus();
    return () => {
      if (pane?.contains(document.activeElement) || document.activeElement === document.body) returnFocusRef.current?.();
    };
  }, []);

  const onKeyDown = useCallback(
    (keyEvent: KeyboardEvent<HTMLElement>) => {
      if (keyEvent.key === 'Escape' && !keyEvent.defaultPrevented) {
        keyEvent.preventDefault();
        keyEvent.stopPropagation();
        onClose();
      }
    },
    [onClose],
  );

  return { paneRef, onKeyDown };
}
