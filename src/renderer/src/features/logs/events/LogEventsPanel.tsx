/**
 * The events of one stream, oldest at the top and newest at the bottom like a terminal: opens on the
 * newest page, loads older events above (keeping the reading position) and newer ones below.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type UIEvent } from 'react';
import { formatTimestamp, plural } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import { CheckIcon, CopyIcon } from '../../../components/icons';
import { Panel } from '../../../components/Panel';
import { QueryStateBody } from '../../../components/QueryStateBody';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { TimeZoneToggle } from '../../../components/TimeZoneToggle';
import { useCopy } from '../../../components/useCopy';
import { useVirtualRows } from '../../../components/useVirtualRows';
import { logsKeys } from '../logsKeys';
import { emptyOlderPagesInARow, eventRows, isCaughtUp } from './eventPaging';
import { useLogEvents } from './useLogEvents';

const ESTIMATED_ROW_HEIGHT = 22;
/** Scrolling this close to the top loads older events. */
const NEAR_TOP_PX = 48;
/** Older pages load by themselves until this many empty ones came in a row; then it takes a click. */
const MAX_EMPTY_OLDER_PAGES = 3;

interface LogEventsPanelProps {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly focusOnLoad: boolean;
}

export function LogEventsPanel({ logGroupName, logStreamName, focusOnLoad }: LogEventsPanelProps) {
  const { zone } = useTimeZone();
  const { key } = useScope();
  const query = useLogEvents(logGroupName, logStreamName);
  const queryClient = useQueryClient();
  const rows = useMemo(() => (query.data ? eventRows(query.data.pages, query.data.pageParams) : []), [query.data]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  const estimateSize = useCallback(() => ESTIMATED_ROW_HEIGHT, []);
  const { virtualizer, activeIndex, setActiveIndex, focusRow, onNavigationKey } = useVirtualRows({
    count: rows.length,
    scrollRef,
    estimateSize,
    getItemKey,
    overscan: 8,
    anchorToEnd: true,
  });
  const { copy, stateOf } = useCopy();

  // The first page arrives: start at the newest event, like `tail`.
  const positioned = useRef(false);
  useLayoutEffect(() => {
    if (positioned.current || rows.length === 0) return;
    positioned.current = true;
    if (focusOnLoad) focusRow(rows.length - 1);
    else {
      setActiveIndex(rows.length - 1);
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  }, [rows.length, focusOnLoad, focusRow, setActiveIndex, virtualizer]);

  const pages = query.data?.pages ?? [];
  const params = query.data?.pageParams ?? [];
  const { hasPreviousPage, isFetchingPreviousPage, isFetchPreviousPageError, fetchPreviousPage } = query;
  const canAutoLoadOlder =
    hasPreviousPage && !isFetchingPreviousPage && !isFetchPreviousPageError && emptyOlderPagesInARow(pages, params) < MAX_EMPTY_OLDER_PAGES;

  // When everything loaded fits on screen there is nothing to scroll, so look further back right away.
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    if (query.data && canAutoLoadOlder && totalSize <= (scrollRef.current?.clientHeight ?? 0)) void fetchPreviousPage();
  }, [query.data, canAutoLoadOlder, totalSize, fetchPreviousPage]);

  function onScroll(event: UIEvent<HTMLDivElement>) {
    if (event.currentTarget.scrollTop < NEAR_TOP_PX && canAutoLoadOlder) void fetchPreviousPage();
  }

  function reloadNewest() {
    positioned.current = false;
    void queryClient.resetQueries({ queryKey: logsKeys.events(key, logGroupName, logStreamName), exact: true });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (onNavigationKey(event)) return;
    const row = rows[activeIndex];
    const copyKey = (event.key === 'c' || event.key === 'C') && (event.ctrlKey || event.metaKey || (!event.altKey && !event.shiftKey));
    if (row && copyKey && !window.getSelection()?.toString()) {
      event.preventDefault();
      void copy(row.key, row.event.message);
    }
  }

  const newestPage = pages[pages.length - 1];
  const newestParam = params[params.length - 1];
  const caughtUp = newestPage !== undefined && newestParam !== undefined && isCaughtUp(newestPage, newestParam);
  const first = rows[0];
  const last = rows[rows.length - 1];

  const countText = rows.length > 0 && first && last
    ? `${plural(rows.length, 'event')} · ${formatTimestamp(first.event.timestamp, zone, 'second')} → ${formatTimestamp(last.event.timestamp, zone, 'second')}`
    : plural(rows.length, 'event');

  return (
    <Panel
      label="Log events"
      className="events-panel"
      compact
      count={query.data ? countText : ''}
      actions={<TimeZoneToggle />}
      refresh={{ label: 'Reload', title: 'Reload the newest events', onClick: reloadNewest }}
    >
      <QueryStateBody query={query} loading={<LoadingState label="Loading the newest events…" />} errorContext="Could not load events">
        {events()}
      </QueryStateBody>
    </Panel>
  );

  function events() {
    return (
      <div className="events">
        <div className="events-edge">
          {query.isFetchingPreviousPage ? (
            <span role="status">
              <span className="spinner spinner-small" aria-hidden="true" /> Loading older events…
            </span>
          ) : query.isFetchPreviousPageError ? (
            <ErrorState inline error={query.error} context="Could not load older events" onRetry={() => void query.fetchPreviousPage()} />
          ) : query.hasPreviousPage ? (
            <button type="button" className="link-button" onClick={() => void query.fetchPreviousPage()}>
              Load older events
            </button>
          ) : (
            <span className="muted">Beginning of stream</span>
          )}
        </div>

        {rows.length === 0 ? (
          <EmptyState title="No events to show">
            {query.hasPreviousPage ? 'The newest page is empty. Load older events to look further back.' : 'This stream has no events.'}
          </EmptyState>
        ) : (
          <div
            className="events-scroll"
            ref={scrollRef}
            role="grid"
            aria-label={`Events of ${logStreamName}`}
            aria-rowcount={rows.length}
            aria-colcount={3}
            onKeyDown={onKeyDown}
            onScroll={onScroll}
          >
            <div className="events-canvas" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                const copyState = stateOf(row.key);
                return (
                  <div
                    key={item.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    data-active={item.index === activeIndex || undefined}
                    className="event-row"
                    role="row"
                    aria-rowindex={item.index + 1}
                    tabIndex={item.index === activeIndex ? 0 : -1}
                    style={{ transform: `translateY(${item.start}px)` }}
                    onFocus={() => setActiveIndex(item.index)}
                  >
                    <div className="event-time" role="gridcell">
                      {formatTimestamp(row.event.timestamp, zone)}
                    </div>
                    <div className="event-message" role="gridcell">
                      {row.event.message.trimEnd()}
                    </div>
                    <div className="event-actions" role="gridcell">
                      <button
                        type="button"
                        className="icon-button"
                        tabIndex={-1}
                        aria-label={copyState === 'copied' ? 'Copied' : 'Copy message'}
                        title={copyState === 'failed' ? 'Could not copy: the clipboard is not available' : 'Copy message (C)'}
                        data-state={copyState}
                        onClick={() => void copy(row.key, row.event.message)}
                      >
                        {copyState === 'copied' ? <CheckIcon /> : <CopyIcon />}
                      </button>
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        )}

        <div className="events-edge">
          {query.isFetchingNextPage ? (
            <span role="status">
              <span className="spinner spinner-small" aria-hidden="true" /> Checking for newer events…
            </span>
          ) : query.isFetchNextPageError ? (
            <ErrorState inline error={query.error} context="Could not load newer events" onRetry={() => void query.fetchNextPage()} />
          ) : (
            <>
              <button type="button" className="link-button" onClick={() => void query.fetchNextPage()}>
                Load newer events
              </button>
              {caughtUp && (
                <span className="muted" role="status">
                  No newer events yet (checked {formatTimestamp(query.dataUpdatedAt, zone, 'second').slice(11)})
                </span>
              )}
            </>
          )}
        </div>
      </div>
    );
  }
}
