/**
 * A virtualized list of rows that works from the keyboard. One row is "active" and is the list's only
 * tab stop (roving tabindex); arrow keys, Page Up/Down and Home/End move it, scroll it into view and
 * focus it once it has been rendered. The active row is always rendered, even when scrolled far away
 * with the mouse, so focus is never dropped onto the page.
 */
import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useState, type KeyboardEvent, type Ref, type RefObject } from 'react';
import { targetRow } from './rowNavigation';
import { usePendingFocus } from './usePendingFocus';

export type RowVirtualizer = Virtualizer<HTMLDivElement, HTMLDivElement>;

/** What a list of rows lets its owner do: put focus back on it, or on one row. */
export interface RowListHandle {
  focusActiveRow(): void;
  focusRow(index: number): void;
}

export interface VirtualRowsOptions {
  readonly count: number;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly estimateSize: (index: number) => number;
  readonly getItemKey: (index: number) => string | number;
  readonly overscan?: number;
  /** Keep the reading position when rows are added above, and follow rows added at the end (log tail). */
  readonly anchorToEnd?: boolean;
  /** Filled with the list's handle. */
  readonly handleRef?: Ref<RowListHandle> | undefined;
}

export interface VirtualRows {
  readonly virtualizer: RowVirtualizer;
  readonly activeIndex: number;
  /** Makes a row active without moving focus (e.g. on click, where the browser focuses it). */
  setActiveIndex(index: number): void;
  /** Makes a row active, scrolls to it and focuses it. */
  focusRow(index: number): void;
  /** Handles a navigation key; returns whether it did. */
  onNavigationKey(event: KeyboardEvent): boolean;
}

export function useVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const { count, scrollRef, getItemKey } = options;
  // The active row is remembered by key, so it stays on the same item when rows are sorted, filtered
  // or added above it; the index is the fallback when that item is gone.
  const [active, setActive] = useState<{ key: string | number | undefined; index: number }>({ key: undefined, index: 0 });
  const activeIndex = resolveActiveIndex(active, count, getItemKey);
  const focusWhenDrawn = usePendingFocus(scrollRef);

  const setActiveIndex = useCallback((index: number) => setActive({ key: getItemKey(index), index }), [getItemKey]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= count || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex, count],
  );

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: options.estimateSize,
    getItemKey,
    overscan: options.overscan ?? 10,
    rangeExtractor,
    ...(options.anchorToEnd ? { anchorTo: 'end', followOnAppend: true } : {}),
  });

  const focusRow = useCallback(
    (index: number) => {
      if (count === 0) return;
      const target = Math.min(Math.max(index, 0), count - 1);
      setActiveIndex(target);
      focusWhenDrawn(`[data-index="${target}"]`);
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [count, setActiveIndex, virtualizer, focusWhenDrawn],
  );

  const onNavigationKey = useCallback(
    (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return false;
      const target = targetRow(event.key, activeIndex, count, rowsPerPage(virtualizer));
      if (target === undefined) return false;
      event.preventDefault();
      focusRow(target);
      return true;
    },
    [activeIndex, count, focusRow, virtualizer],
  );

  useImperativeHandle(options.handleRef, () => ({ focusActiveRow: () => focusRow(activeIndex), focusRow }), [activeIndex, focusRow]);

  return { virtualizer, activeIndex, setActiveIndex, focusRow, onNavigationKey };
}

function resolveActiveIndex(
  active: { key: string | number | undefined; index: number },
  count: number,
  getItemKey: (index: number) => string | number,
): number {
  if (count === 0) return 0;
  if (active.key !== undefined) {
    if (active.index < count && getItemKey(active.index) === active.key) return active.index;
    for (let index = 0; index < count; index += 1) if (getItemKey(index) === active.key) return index;
  }
  return Math.min(active.index, count - 1);
}

/** How many rows Page Up/Down moves: the rows fully in view, less one kept for context. */
function rowsPerPage(virtualizer: RowVirtualizer): number {
  const top = virtualizer.scrollOffset ?? 0;
  const bottom = top + (virtualizer.scrollRect?.height ?? 0);
  const visible = virtualizer.getVirtualItems().filter((item) => item.start >= top && item.end <= bottom).length;
  return Math.max(visible - 1, 1);
}
