/**
 * A side pane's keyboard: focus moves into the pane when it opens and back where the caller says (the
 * table's row) when it closes while holding focus; Escape closes it.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export function usePaneFocus(paneRef: RefObject<HTMLElement | null>, onClose: () => void, returnFocus?: () => void): (event: KeyboardEvent<HTMLElement>) => void {
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
  }, [paneRef]);

  return (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
}
