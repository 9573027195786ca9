/**
 * The streams of the open log group: most recently active first, or filtered by name prefix. A failed
 * refresh keeps the list and says what failed above it; a group deleted meanwhile is said so instead.
 */
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { LogStream } from '../../../../../shared/contract';
import { isApiError } from '../../../../../shared/errors';
import { formatAge, formatCount, formatTimestamp, plural, type TimeZoneMode } from '../../../../../shared/format';
import { DataGrid, type DataGridHandle } from '../../../components/DataGrid';
import { Panel } from '../../../components/Panel';
import { QueryStateBody } from '../../../components/QueryStateBody';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { useLogStreams } from './useLogStreams';

const PREFIX_DEBOUNCE_MS = 250;
const column = createColumnHelper<LogStream>();

/** One column, two lines: stream names are long and their ends matter, so the name gets the full width. */
function streamColumns(prefix: string, zone: TimeZoneMode, now: number) {
  return [
    column.accessor('name', {
      header: 'Stream · last event',
      enableSorting: false,
      cell: (info) => {
        const last = info.row.original.lastEventTimestamp;
        return (
          <span className="stream-cell">
            <span className="cell-name mono" title={info.getValue()}>
              <PrefixHighlight text={info.getValue()} prefix={prefix} />
            </span>
            <span className="stream-last-event">
              {last === undefined ? (
                'No events yet'
              ) : (
                <>
                  {formatAge(last, now)} · {formatTimestamp(last, zone, 'second')}
                </>
              )}
            </span>
          </span>
        );
      },
      meta: { width: 'minmax(0, 1fr)' },
    }),
  ];
}

/** AWS matches the prefix case-sensitively and only at the start, so that is all there is to mark. */
function PrefixHighlight({ text, prefix }: { text: string; prefix: string }) {
  if (!prefix || !text.startsWith(prefix)) return <>{text}</>;
  return (
    <>
      <mark className="match">{prefix}</mark>
      {text.slice(prefix.length)}
    </>
  );
}

interface LogStreamsPanelProps {
  readonly logGroupName: string;
  readonly selectedStream: string | null;
  readonly onOpen: (stream: LogStream) => void;
  readonly focusOnLoad: boolean;
  readonly gridRef: RefObject<DataGridHandle | null>;
  /** The log group was deleted: show the list of groups. */
  readonly onGroupGone?: () => void;
}

export function LogStreamsPanel({ logGroupName, selectedStream, onOpen, focusOnLoad, gridRef, onGroupGone }: LogStreamsPanelProps) {
  const { zone } = useTimeZone();
  const [prefixInput, setPrefixInput] = useState('');
  const prefix = useDebouncedValue(prefixInput, PREFIX_DEBOUNCE_MS);
  const query = useLogStreams(logGroupName, prefix);

  const streams = useMemo(() => query.data?.pages.flatMap((page) => page.streams) ?? [], [query.data]);
  // Ages are relative to when the list was fetched, so they agree with each other.
  const fetchedAt = query.dataUpdatedAt;
  const highlighted = query.isPlaceholderData ? '' : prefix;
  const columns = useMemo(() => streamColumns(highlighted, zone, fetchedAt), [highlighted, zone, fetchedAt]);
  const table = useReactTable({
    data: streams,
    columns,
    getRowId: (stream) => stream.name,
    getCoreRowModel: getCoreRowModel(),
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  // Opening a group from the keyboard lands on its first stream once the list is there.
  const focused = useRef(false);
  useEffect(() => {
    if (focusOnLoad && !focused.current && streams.length > 0) {
      focused.current = true;
      gridRef.current?.focusRow(0);
    }
  }, [focusOnLoad, streams.length, gridRef]);

  const loadedText = hasNextPage ? `${formatCount(streams.length)} loaded` : plural(streams.length, 'stream');
  // DescribeLogStreams answers NotFound only for the group: whatever was listed is gone with it.
  const groupGone = isApiError(query.error) && query.error.code === 'NotFound';

  return (
    <Panel
      label="Log streams"
      className="streams-panel"
      compact
      search={{ label: 'Filter streams by name prefix', placeholder: 'Stream name prefix (case-sensitive)', value: prefixInput, onChange: setPrefixInput, results: gridRef }}
      refresh={{ label: 'Refresh', title: 'Load the list of streams again', onClick: () => void query.refetch(), disabled: query.isFetching || groupGone }}
      status={
        <>
          <p className="panel-note" role="status" aria-live="polite">
            {query.data === undefined || groupGone ? '' : prefix ? `${loadedText} · by name, as AWS filters prefixes only in name order` : `${loadedText} · latest activity first`}
          </p>
          {query.isRefetchError && !groupGone && <ErrorState inline error={query.error} context="Could not refresh the streams" onRetry={() => void query.refetch()} />}
        </>
      }
    >
      {groupGone ? (
        <div className="state" role="alert">
          <p className="state-title">The log group {logGroupName} no longer exists: it was deleted.</p>
          {onGroupGone && (
            <div className="state-actions">
              <button type="button" className="button" onClick={onGroupGone}>
                Show log groups
              </button>
            </div>
          )}
        </div>
      ) : (
        <QueryStateBody query={query} loading={<LoadingState label="Loading streams…" />} errorContext="Could not load streams" empty={noStreams()}>
          <DataGrid
            table={table}
            label="Log streams"
            rowHeight={46}
            selectedRowId={selectedStream ?? ''}
            onOpen={onOpen}
            onNearEnd={loadMore}
            handleRef={gridRef}
            footer={footer()}
          />
        </QueryStateBody>
      )}
    </Panel>
  );

  function noStreams() {
    if (streams.length > 0) return null;
    return prefix ? (
      <EmptyState
        title={`No streams start with “${prefix}”`}
        actions={
          <button type="button" className="button" onClick={() => setPrefixInput('')}>
            Clear filter
          </button>
        }
      >
        Stream name prefixes are case-sensitive.
      </EmptyState>
    ) : (
      <EmptyState title="No log streams">This log group has no streams yet. Streams appear when something writes to it.</EmptyState>
    );
  }

  function footer() {
    if (isFetchingNextPage) {
      return (
        <div className="grid-footer" role="status">
          <span className="spinner spinner-small" aria-hidden="true" /> Loading more streams…
        </div>
      );
    }
    if (isFetchNextPageError) {
      return (
        <div className="grid-footer">
          <ErrorState inline error={query.error} context="Could not load more streams" onRetry={() => void fetchNextPage()} />
        </div>
      );
    }
    if (hasNextPage) {
      return (
        <div className="grid-footer">
          <button type="button" className="link-button" onClick={() => void fetchNextPage()}>
            Load more streams
          </button>
        </div>
      );
    }
    return null;
  }
}
