/**
 * The events of a view as a virtualized grid that stays smooth with a million rows: the virtualizer
 * sees a window of rows around the reader (rowWindow.ts) and measures the rows it draws; long
 * messages are collapsed to a few lines with a "show all" that opens the event whole.
 *
 * It fetches nothing: the view (rowView.ts) says what rows there are, callbacks say when the reader
 * nears either end (load more), opens a row, or scrolls away from the newest rows while they are
 * followed (live tail). Keyboard: arrows, Page Up/Down, Home/End move; Shift with them or with a
 * click selects a range; Enter opens; Ctrl/Cmd+C copies the selected lines.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
  type RefObject,
  type UIEvent,
} from 'react';
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import { plural } from '../../../../shared/format';
import { CloseIcon } from '../icons';
import { targetRow } from '../rowNavigation';
import { useTimeZone } from '../TimeZone';
import { useCopy } from '../useCopy';
import { usePendingFocus } from '../usePendingFocus';
import { EventCellContext, cellFor, type EventCells, type TableRow } from './EventCells';
import { columnId, columnTitle, columnWidth, type EventColumn, type TableEvent } from './columns';
import { eventLines, MAX_COPY_LINES } from './copyText';
import type { RowKey } from './eventStore';
import { parseJsonMessage } from './jsonPath';
import { collapsedLimit, estimateRowHeight, type RowMetrics } from './rowEstimate';
import type { RowView } from './rowView';
import { nextWindow, type RowWindow } from './rowWindow';
import { selectedRows, selectRow, type RowSelection } from './selection';
import '../DataGrid.css';
import './EventTable.css';

export interface EventTableHandle {
  /** Scrolls to a row of the view (moving the window if need be), makes it active and selects it. */
  scrollToIndex(index: number, options?: RowScrollOptions): void;
  scrollToKey(key: RowKey, options?: RowScrollOptions): void;
  /** Focuses the active row, e.g. when a detail pane closes. */
  focusActiveRow(): void;
  /** Copies the selected rows' lines, as Ctrl/Cmd+C does. */
  copySelection(): void;
}

export interface RowScrollOptions {
  readonly align?: 'start' | 'center' | 'end' | 'auto';
  /** Move keyboard focus to the row (default: only if the table has focus). */
  readonly focus?: boolean;
}

export interface EventTableProps<E extends TableEvent> {
  /** The rows: `useEventView(store)` for everything loaded, or a search's matches. */
  readonly view: RowView<E>;
  readonly columns: readonly EventColumn[];
  /** The grid's accessible name, e.g. "Events of /aws/lambda/orders". */
  readonly label: string;
  /** Long lines wrap, or are clipped at the edge. */
  readonly wrap: boolean;
  /** Ranges of a row's message to highlight (e.g. `highlightRanges` of the search pattern). Keep it stable: rows cache its answers. */
  readonly highlightsFor?: (event: E) => readonly TextSpan[];
  /** A row marked for the reader, e.g. the match in a context view. */
  readonly markedKey?: RowKey;
  /** Enter, a double click or "show all" on a row. */
  readonly onOpen?: (key: RowKey, event: E) => void;
  /** The active row changed (by click or keyboard), e.g. for a detail pane that follows it. */
  readonly onActiveChange?: (key: RowKey, event: E) => void;
  /** The reader is within a few rows of the first (or last) row: load older (or newer) events. Called again after each change while still there. */
  readonly onNearStart?: () => void;
  readonly onNearEnd?: () => void;
  /** Keep the newest row in view as rows are added (live tail). */
  readonly followEnd?: boolean;
  /** The reader scrolled away from the newest rows (false) or back to them (true). */
  readonly onFollowEndChange?: (following: boolean) => void;
  /** Where to start once the first rows arrive: the newest (default, like `tail`) or the oldest. */
  readonly startAt?: 'start' | 'end';
  /** Field columns get a remove button when this is given. */
  readonly onRemoveColumn?: (column: EventColumn) => void;
  /** The rows on screen changed: first and last, as rows of the view. */
  readonly onVisibleRowsChange?: (first: number, last: number) => void;
  /** Shown when the view has no rows. */
  readonly empty?: ReactNode;
  readonly handleRef?: Ref<EventTableHandle>;
}

/** The window as the table keeps it across changes: by key, so it survives rows added around it. */
interface StoredWindow {
  readonly firstKey: RowKey;
  readonly lastKey: RowKey;
  /** It began at the view's first row, or ended at its last, when it was set. */
  readonly touchedStart: boolean;
  readonly touchedEnd: boolean;
}

interface ScrollTarget {
  readonly key: RowKey;
  readonly align: NonNullable<RowScrollOptions['align']>;
  readonly focus: boolean;
  /** The virtualizer has been told to scroll there; the target stays until the row is on screen. */
  readonly issued: boolean;
}

/** Rows within this distance of an end of the view count as near it. */
const NEAR_END_ROWS = 30;
const LINE_HEIGHT = 18;
/** Vertical padding (3 + 3) and the bottom border of a row. */
const ROW_CHROME = 7;
const DEFAULT_CHARS_PER_LINE = 120;
/** How long after a wheel, key or pointer press a scroll counts as the reader's own. */
const USER_SCROLL_MS = 1000;

export function EventTable<E extends TableEvent>(props: EventTableProps<E>) {
  const { view, columns, label, wrap, highlightsFor, markedKey, onOpen, onActiveChange, followEnd = false, startAt = 'end' } = props;
  const { zone } = useTimeZone();
  const scrollRef = useRef<HTMLDivElement>(null);
  const messageHeaderRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const charsPerLine = useCharsPerLine(messageHeaderRef, probeRef);
  const metrics: RowMetrics = useMemo(() => ({ charsPerLine, lineHeight: LINE_HEIGHT, chrome: ROW_CHROME }), [charsPerLine]);

  // ---- the window of rows the virtualizer sees ----------------------------------------------
  const [storedWindow, setStoredWindow] = useState<StoredWindow | undefined>(undefined);
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | undefined>(undefined);
  // Between a change of the view and the layout effect that moves the window, the rows drawn are the
  // same events as before (found by key), so nothing jumps.
  const rowWindow: RowWindow = useMemo(
    () =>
      storedWindow
        ? indexRange(view, storedWindow)
        : nextWindow({ count: view.count, previous: undefined, touchedStart: false, touchedEnd: false, visible: startAt === 'start' ? { first: 0, last: 0 } : undefined }),
    [view, storedWindow, startAt],
  );
  const windowSize = rowWindow.end - rowWindow.start;
  // The first rows: keep the window they start in (set while rendering, so no extra render is drawn).
  if (storedWindow === undefined && windowSize > 0) setStoredWindow(storeWindow(view, rowWindow));

  // ---- active row and selection --------------------------------------------------------------
  const [activeKey, setActiveKey] = useState<RowKey | undefined>(undefined);
  const [selection, setSelection] = useState<RowSelection | undefined>(undefined);
  const activeIndex = activeKey === undefined ? -1 : view.indexOfKey(activeKey);
  const selected = selectedRows(selection, view);
  const focusWhenDrawn = usePendingFocus(scrollRef);
  // However the active row changed (click, keys, a jump asked for, Tab), the caller hears of it once.
  const activeEvent = activeIndex === -1 ? undefined : view.at(activeIndex);
  useEffect(() => {
    if (activeKey !== undefined && activeEvent) onActiveChange?.(activeKey, activeEvent);
    // Only a new active row is news; a new callback or view is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  const getItemKey = useCallback((index: number) => view.keyAt(rowWindow.start + index), [view, rowWindow.start]);
  // The virtualizer asks again for every row after the one it measured; each message is read once.
  const estimates = useMemo(() => ({ wrap, metrics, byKey: new Map<RowKey, number>() }), [wrap, metrics]);
  const estimateSize = useCallback(
    (index: number) => {
      const key = view.keyAt(rowWindow.start + index);
      let height = estimates.byKey.get(key);
      if (height === undefined) {
        if (estimates.byKey.size > 100_000) estimates.byKey.clear();
        height = estimateRowHeight(view.at(rowWindow.start + index)?.message ?? '', estimates.wrap, estimates.metrics);
        estimates.byKey.set(key, height);
      }
      return height;
    },
    [view, rowWindow.start, estimates],
  );
  const activeInWindow = activeIndex - rowWindow.start;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The active row stays drawn, so keyboard focus is never dropped onto the page.
      if (activeInWindow < 0 || activeInWindow >= range.count || indexes.includes(activeInWindow)) return indexes;
      return [...indexes, activeInWindow].sort((a, b) => a - b);
    },
    [activeInWindow],
  );

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: windowSize,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
    rangeExtractor,
    // Keep the reading position when rows are added above; follow rows added below while at the end.
    anchorTo: 'end',
    followOnAppend: followEnd ? 'auto' : false,
  });

  // Wrapping or a new column width changes every row's height: forget the measurements, and measure the
  // rows on screen again at once — their observer reported their new size before this ran, and will not
  // again. The layout is recomputed first (getVirtualItems), from estimates: the virtualizer compares a new size with the
  // layout's, and would otherwise take an unchanged row for measured and leave it at its estimate.
  useLayoutEffect(() => {
    virtualizer.measure();
    virtualizer.getVirtualItems();
    scrollRef.current?.querySelectorAll<HTMLDivElement>('.event-body-row[data-index]').forEach((row) => virtualizer.measureElement(row));
  }, [virtualizer, wrap, charsPerLine]);

  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const firstVisible = range && windowSize > 0 ? rowWindow.start + Math.min(range.startIndex, windowSize - 1) : -1;
  const lastVisible = range && windowSize > 0 ? rowWindow.start + Math.min(range.endIndex, windowSize - 1) : -1;

  // After each render: take in rows added at an edge the window touches, follow the reader near its
  // edges, or jump to a row asked for. Setting state here renders again before the screen updates.
  useLayoutEffect(() => {
    const target = scrollTarget ? view.indexOfKey(scrollTarget.key) : -1;
    if (scrollTarget && (target === -1 || (scrollTarget.issued && target >= firstVisible && target <= lastVisible))) {
      // Arrived (or the row is gone): the rows on screen say where the reader is again.
      setScrollTarget(undefined);
      return;
    }
    const wanted = nextWindow({
      count: view.count,
      previous: storedWindow ? rowWindow : undefined,
      touchedStart: storedWindow?.touchedStart ?? false,
      touchedEnd: storedWindow?.touchedEnd ?? false,
      visible: firstVisible === -1 ? undefined : { first: firstVisible, last: lastVisible },
      target: target === -1 ? undefined : target,
    });
    const next = wanted.end > wanted.start ? storeWindow(view, wanted) : undefined;
    if (!sameWindow(next, storedWindow)) setStoredWindow(next);
  }, [scrollTarget, view, storedWindow, rowWindow, firstVisible, lastVisible]);

  // Scroll to a row asked for, once the window holds it.
  useLayoutEffect(() => {
    if (!scrollTarget || scrollTarget.issued) return;
    const index = view.indexOfKey(scrollTarget.key);
    if (index < rowWindow.start || index >= rowWindow.end) return;
    setScrollTarget({ ...scrollTarget, issued: true });
    if (index === view.count - 1 && scrollTarget.align !== 'start' && scrollTarget.align !== 'center') virtualizer.scrollToEnd();
    else virtualizer.scrollToIndex(index - rowWindow.start, { align: scrollTarget.align });
    if (scrollTarget.focus) focusWhenDrawn(`[data-key="${scrollTarget.key}"]`);
  }, [scrollTarget, view, rowWindow.start, rowWindow.end, virtualizer, focusWhenDrawn]);

  const goTo = useCallback(
    (index: number, { align = 'auto', focus }: RowScrollOptions = {}) => {
      if (view.count === 0) return;
      const key = view.keyAt(Math.min(Math.max(index, 0), view.count - 1));
      const hasFocus = scrollRef.current?.contains(document.activeElement) ?? false;
      setScrollTarget({ key, align, focus: focus ?? hasFocus, issued: false });
      setActiveKey(key);
    },
    [view],
  );

  // The first rows arrived: start at the newest of them, or stay at the oldest. Going to the newest is a
  // scroll to a row like any other (unless the caller already asked for one): until it lands, the rows
  // on screen are the oldest, and reaching the start is not reported.
  const positioned = useRef(false);
  useLayoutEffect(() => {
    if (positioned.current || view.count === 0) return;
    positioned.current = true;
    if (startAt === 'end') setScrollTarget((current) => current ?? { key: view.keyAt(view.count - 1), align: 'end', focus: false, issued: false });
  }, [view, startAt]);

  // Following turned on: go to the newest row; from then on the virtualizer follows new rows.
  const [wasFollowing, setWasFollowing] = useState(followEnd);
  if (followEnd !== wasFollowing) {
    setWasFollowing(followEnd);
    if (followEnd && view.count > 0) setScrollTarget({ key: view.keyAt(view.count - 1), align: 'end', focus: false, issued: false });
  }

  // ---- reaching the ends, following, the rows on screen -------------------------------------
  // While the table is on its way to a row, the rows on screen are where it is leaving from: they say nothing.
  const settled = scrollTarget === undefined && view.count > 0 && firstVisible !== -1;
  const nearStart = settled && firstVisible < NEAR_END_ROWS;
  const nearEnd = settled && lastVisible >= view.count - NEAR_END_ROWS;
  const { onNearStart, onNearEnd, onVisibleRowsChange, onFollowEndChange } = props;
  useEffect(() => {
    if (nearStart) onNearStart?.();
  }, [nearStart, onNearStart, view.count]);
  useEffect(() => {
    if (nearEnd) onNearEnd?.();
  }, [nearEnd, onNearEnd, view.count]);
  useEffect(() => {
    if (firstVisible !== -1) onVisibleRowsChange?.(firstVisible, lastVisible);
  }, [firstVisible, lastVisible, onVisibleRowsChange]);

  const userScrollAt = useRef(Number.NEGATIVE_INFINITY);
  const noteUserScroll = () => {
    userScrollAt.current = performance.now();
  };
  /** The reader scrolls with the wheel or the scrollbar: that overrides a scroll to a row still under way. */
  const cancelScrollTarget = () => {
    if (scrollTarget) setScrollTarget(undefined);
  };
  function onScroll(event: UIEvent<HTMLDivElement>) {
    if (!onFollowEndChange || performance.now() - userScrollAt.current > USER_SCROLL_MS) return;
    // The element, not the virtualizer, which may hear of this scroll only after this handler.
    const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
    const atEnd = rowWindow.end === view.count && scrollHeight - scrollTop - clientHeight <= 4;
    if (followEnd && !atEnd) onFollowEndChange(false);
    else if (!followEnd && atEnd) onFollowEndChange(true);
  }
  // ---- copying -----------------------------------------------------------------------------
  const { copy, stateOf } = useCopy();
  // What the last copy did, said for a moment: how many lines, or why it copied nothing.
  const [copied, setCopied] = useState({ lines: 0, refused: '' });
  const copySelection = useCallback(() => {
    const rows = selectedRows(selection, view) ?? (activeIndex === -1 ? undefined : { first: activeIndex, last: activeIndex });
    if (!rows) return;
    const total = rows.last - rows.first + 1;
    if (total > MAX_COPY_LINES) {
      setCopied({ lines: 0, refused: `${plural(total, 'line')} are too many to copy; download them instead.` });
      return;
    }
    const events: E[] = [];
    for (let index = rows.first; index <= rows.last; index++) {
      const event = view.at(index);
      if (event) events.push(event);
    }
    setCopied({ lines: events.length, refused: '' });
    void copy('selection', eventLines(events, columns, zone));
  }, [selection, view, activeIndex, copy, columns, zone]);
  useEffect(() => {
    if (!copied.refused) return;
    const timer = setTimeout(() => setCopied((current) => ({ ...current, refused: '' })), 4000);
    return () => clearTimeout(timer);
  }, [copied.refused]);
  const copyState = stateOf('selection');
  const copyNote =
    copied.refused ||
    (copyState === 'copied' ? `Copied ${plural(copied.lines, 'line')}.` : copyState === 'failed' ? 'Could not copy: the clipboard is not available.' : '');

  useImperativeHandle(
    props.handleRef,
    () => ({
      scrollToIndex: (index, options) => {
        goTo(index, options);
        if (index >= 0 && index < view.count) setSelection(selectRow(undefined, view.keyAt(index), false));
      },
      scrollToKey: (key, options) => {
        const index = view.indexOfKey(key);
        if (index === -1) return;
        goTo(index, options);
        setSelection(selectRow(undefined, key, false));
      },
      focusActiveRow: () => {
        if (activeIndex !== -1) goTo(activeIndex, { focus: true });
        else scrollRef.current?.focus();
      },
      copySelection,
    }),
    [goTo, view, activeIndex, copySelection],
  );

  // ---- moving with the keyboard and the mouse ----------------------------------------------
  function activate(index: number, extend: boolean, options: RowScrollOptions = {}) {
    const key = view.keyAt(index);
    setSelection((previous) => selectRow(previous, key, extend));
    goTo(index, options);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'Home') noteUserScroll();
    const command = event.ctrlKey || event.metaKey;
    if (command && !event.altKey && (event.key === 'c' || event.key === 'C')) {
      // A text selection inside a message is copied by the browser as usual.
      if (window.getSelection()?.toString()) return;
      event.preventDefault();
      copySelection();
      return;
    }
    if (command || event.altKey) return;
    const from = activeIndex === -1 ? Math.max(firstVisible, 0) : activeIndex;
    const target = targetRow(event.key, from, view.count, rowsPerPage());
    if (target !== undefined) {
      event.preventDefault();
      activate(target, event.shiftKey, { focus: true });
      return;
    }
    if (event.key === 'Enter' && activeIndex !== -1) {
      const row = view.at(activeIndex);
      if (row && activeKey !== undefined && onOpen) {
        event.preventDefault();
        onOpen(activeKey, row);
      }
    }
  }

  function rowsPerPage(): number {
    const height = scrollRef.current?.clientHeight ?? 0;
    const top = virtualizer.scrollOffset ?? 0;
    const inView = items.filter((item) => item.start >= top && item.end <= top + height).length;
    return Math.max(inView - 1, 1);
  }

  // What rows do when used; rows are memoized, so they reach the latest handlers through a ref.
  const rowActions = useRef<RowActions>({ click: () => undefined, open: () => undefined, focus: () => undefined });
  useLayoutEffect(() => {
    rowActions.current = {
      click: (event, index) => {
        if ((event.target as HTMLElement).closest('button')) return;
        activate(index, event.shiftKey, { focus: false });
        if (event.shiftKey) window.getSelection()?.removeAllRanges();
      },
      open: (key, event) => onOpen?.(key, event as E),
      focus: (key) => {
        if (key !== activeKey) setActiveKey(key);
      },
    };
  });

  // ---- cells ---------------------------------------------------------------------------------
  // Answers for the rows on screen, by event; a new highlight function starts afresh.
  const highlightCache = useMemo(() => ({ of: highlightsFor, spans: new BoundedCache<TableEvent, readonly TextSpan[]>() }), [highlightsFor]);
  const [jsonCache] = useState(() => new BoundedCache<TableEvent, unknown>());
  const cells: EventCells = useMemo(
    () => ({
      zone,
      wrap,
      limit: collapsedLimit(charsPerLine, wrap),
      highlightsOf: (event) => {
        const highlight = highlightCache.of;
        return highlight && highlightCache.spans.get(event, () => highlight(event as E));
      },
      jsonOf: (event) => jsonCache.get(event, () => parseJsonMessage(event.message)),
      onShowAll: (key, event) => onOpen?.(key, event as E),
      copyRow: (key, message) => void copy(key, message),
      copyStateOf: stateOf,
    }),
    [zone, wrap, charsPerLine, highlightCache, jsonCache, onOpen, copy, stateOf],
  );

  const columnDefs = useMemo<ColumnDef<TableRow<TableEvent>>[]>(
    () => [
      ...columns.map((column) => ({ id: columnId(column), header: columnTitle(column), cell: cellFor(column) })),
      { id: 'actions', header: '', cell: cellFor('actions') },
    ],
    [columns],
  );
  const data = useMemo(() => {
    const rows: TableRow<TableEvent>[] = [];
    for (const item of items) {
      const index = rowWindow.start + item.index;
      const event = view.at(index);
      if (event) rows.push({ key: view.keyAt(index), index, event });
    }
    return rows;
  }, [items, view, rowWindow.start]);
  const table = useReactTable({ data, columns: columnDefs, getCoreRowModel: getCoreRowModel(), getRowId: (row) => String(row.key) });
  const starts = new Map(items.map((item) => [Number(item.key), item.start]));

  const gridStyle = { '--event-columns': [...columns.map(columnWidth), '2rem'].join(' ') } as CSSProperties;
  const tabStop = activeIndex >= rowWindow.start && activeIndex < rowWindow.end && starts.has(view.keyAt(activeIndex)) ? activeKey : data[0]?.key;

  return (
    <div
      className="event-table"
      role="grid"
      aria-label={label}
      aria-rowcount={view.count + 1}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      data-wrap={wrap || undefined}
      style={gridStyle}
    >
      <span ref={probeRef} className="event-table-probe" aria-hidden="true">
        {'0'.repeat(100)}
      </span>
      <div className="event-table-head" role="rowgroup">
        <div className="event-row event-header-row" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <div key={columnId(column)} ref={column.kind === 'message' ? messageHeaderRef : undefined} className="event-cell event-column-header" role="columnheader">
              <span className="event-column-title" title={columnTitle(column)}>
                {columnTitle(column)}
              </span>
              {column.kind === 'field' && props.onRemoveColumn && (
                <button
                  type="button"
                  className="icon-button event-column-remove"
                  aria-label={`Remove the column ${columnTitle(column)}`}
                  title="Remove this column"
                  onClick={() => props.onRemoveColumn?.(column)}
                >
                  <CloseIcon />
                </button>
              )}
            </div>
          ))}
          <div className="event-cell event-column-header" role="columnheader">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      {view.count === 0 ? (
        props.empty
      ) : (
        <div
          className="event-table-scroll"
          ref={scrollRef}
          tabIndex={-1}
          onKeyDown={onKeyDown}
          onScroll={onScroll}
          onWheel={(event) => {
            if (event.deltaY < 0) noteUserScroll();
            cancelScrollTarget();
          }}
          onPointerDown={(event) => {
            // On the scrollbar (the container itself), not on a row.
            if (event.target !== event.currentTarget) return;
            noteUserScroll();
            cancelScrollTarget();
          }}
        >
          <EventCellContext.Provider value={cells}>
            <div className="event-table-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {table.getRowModel().rows.map((row) => {
                const { key, index } = row.original;
                return (
                  <EventRow
                    key={key}
                    row={row}
                    columnDefs={columnDefs}
                    windowIndex={index - rowWindow.start}
                    top={starts.get(key) ?? 0}
                    active={key === activeKey}
                    marked={key === markedKey}
                    selected={selected !== undefined && index >= selected.first && index <= selected.last}
                    tabbable={key === tabStop}
                    measure={virtualizer.measureElement}
                    actions={rowActions}
                  />
                );
              })}
            </div>
          </EventCellContext.Provider>
        </div>
      )}
      <p className="event-table-note" role="status" aria-live="polite">
        {copyNote}
      </p>
    </div>
  );
}

interface RowActions {
  click(event: MouseEvent<HTMLDivElement>, index: number): void;
  open(key: RowKey, event: TableEvent): void;
  focus(key: RowKey): void;
}

interface EventRowProps {
  readonly row: Row<TableRow<TableEvent>>;
  readonly columnDefs: readonly ColumnDef<TableRow<TableEvent>>[];
  readonly windowIndex: number;
  readonly top: number;
  readonly active: boolean;
  readonly marked: boolean;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly measure: (element: HTMLDivElement | null) => void;
  readonly actions: RefObject<RowActions>;
}

/** One row; drawn again only when its event, place or state changes, not whenever the table renders. */
const EventRow = memo(
  function EventRow({ row, windowIndex, top, active, marked, selected, tabbable, measure, actions }: EventRowProps) {
    const { key, index, event } = row.original;
    return (
      <div
        ref={measure}
        className="event-row grid-body-row event-body-row"
        role="row"
        data-index={windowIndex}
        data-key={key}
        data-active={active || undefined}
        data-marked={marked || undefined}
        aria-rowindex={index + 2}
        aria-selected={selected}
        aria-current={marked ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        style={{ top }}
        onFocus={(focusEvent) => {
          if (focusEvent.target === focusEvent.currentTarget) actions.current.focus(key);
        }}
        onClick={(clickEvent) => actions.current.click(clickEvent, index)}
        onDoubleClick={() => actions.current.open(key, event)}
      >
        {row.getVisibleCells().map((cell) => (
          <div key={cell.id} className={`event-cell event-cell-${cell.column.id.split(':')[0]}`} role="gridcell">
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </div>
        ))}
      </div>
    );
  },
  (before, after) =>
    before.row.original.event === after.row.original.event &&
    before.row.original.key === after.row.original.key &&
    before.row.original.index === after.row.original.index &&
    before.columnDefs === after.columnDefs &&
    before.windowIndex === after.windowIndex &&
    before.top === after.top &&
    before.active === after.active &&
    before.marked === after.marked &&
    before.selected === after.selected &&
    before.tabbable === after.tabbable &&
    before.measure === after.measure,
);

/** Values computed for the rows on screen; forgets everything when it has held too many. */
class BoundedCache<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit = 2000) {}

  get(key: K, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    if (this.values.size >= this.limit) this.values.clear();
    const value = compute();
    this.values.set(key, value);
    return value;
  }
}

function indexRange(view: RowView<unknown>, stored: StoredWindow): RowWindow {
  return { start: view.indexAtOrAfterKey(stored.firstKey), end: view.indexAtOrAfterKey(stored.lastKey + 1) };
}

function storeWindow(view: RowView<unknown>, rows: RowWindow): StoredWindow {
  return { firstKey: view.keyAt(rows.start), lastKey: view.keyAt(rows.end - 1), touchedStart: rows.start === 0, touchedEnd: rows.end === view.count };
}

function sameWindow(a: StoredWindow | undefined, b: StoredWindow | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.firstKey === b.firstKey && a.lastKey === b.lastKey && a.touchedStart === b.touchedStart && a.touchedEnd === b.touchedEnd;
}

/** How many characters of the monospace font fit across the message column, kept up to date as it resizes. */
function useCharsPerLine(column: RefObject<HTMLElement | null>, probe: RefObject<HTMLElement | null>): number {
  const [chars, setChars] = useState(DEFAULT_CHARS_PER_LINE);
  useLayoutEffect(() => {
    const header = column.current;
    const sample = probe.current;
    if (!header || !sample) return;
    const measure = () => {
      const charWidth = sample.getBoundingClientRect().width / 100;
      const style = getComputedStyle(header);
      const width = header.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (charWidth > 0 && width > 0) setChars(Math.max(10, Math.floor(width / charWidth)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, [column, probe]);
  return chars;
}
