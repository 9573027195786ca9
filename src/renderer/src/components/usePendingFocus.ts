import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Focuses an element of `container` as soon as it has been drawn: a row of a virtualized list
 * exists only once the scroll that brings it into view has been rendered. Returns the function that
 * asks for it, by CSS selector.
 */
export function usePendingFocus(container: RefObject<HTMLElement | null>): (selector: string) => void {
  const pending = useRef<string | null>(null);
  // After every render: the element may appear in any of them.
  useLayoutEffect(() => {
    const selector = pending.current;
    if (selector === null) return;
    const element = container.current?.querySelector<HTMLElement>(selector);
    if (element) {
      pending.current = null;
      element.focus({ preventScroll: true });
    }
  });
  return useCallback((selector: string) => {
    pending.current = selector;
  }, []);
}
