/**
 * The Logs view's main list: every log group of the scope, searchable as you type, sortable, with the
 * loading progress, the empty states and errors a person can act on.
 */
import { getCoreRowModel, getFilteredRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState, type RefObject } from 'react';
import type { LogGroup } from '../../../../../shared/contract';
import { formatCount, plural } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import { DataGrid, type DataGridHandle } from '../../../components/DataGrid';
import { PlusIcon, SearchIcon } from '../../../components/icons';
import { ListingProgress, useListingStop } from '../../../components/ListingProgress';
import { Panel } from '../../../components/Panel';
import { QueryStateBody } from '../../../components/QueryStateBody';
import { EmptyState, LoadingState } from '../../../components/States';
import { matchesAllTerms, searchTerms } from '../../../components/textMatch';
import { useTimeZone } from '../../../components/TimeZone';
import { CreateGroupDialog } from './CreateGroupDialog';
import { groupColumns } from './groupColumns';
import type { GroupPreferences } from '../../../components/group-preferences/groupPreferences';
import { sortGroups } from './groupSort';
import { useGroupPreferences } from './useGroupPreferences';
import { useLogGroups } from './useLogGroups';

/** Which groups the list shows: all, the favourites, or the recently opened ones (most recent first). */
type GroupListFilter = 'all' | 'favourites' | 'recent';

function shownGroups(groups: readonly LogGroup[], filter: GroupListFilter, preferences: GroupPreferences): readonly LogGroup[] {
  if (filter === 'all') return groups;
  if (filter === 'favourites') {
    const favourites = new Set(preferences.favourites);
    return groups.filter((group) => favourites.has(group.name));
  }
  const byName = new Map(groups.map((group) => [group.name, group]));
  return preferences.recent.flatMap((name) => byName.get(name) ?? []);
}

const NO_GROUPS: readonly LogGroup[] = [];

interface LogGroupsPanelProps {
  readonly hidden: boolean;
  readonly onOpen: (group: LogGroup) => void;
  /** Search the events of any groups. */
  readonly onSearch: () => void;
  readonly onSwitchRegion: () => void;
  readonly gridRef: RefObject<DataGridHandle | null>;
}

export function LogGroupsPanel({ hidden, onOpen, onSearch, onSwitchRegion, gridRef }: LogGroupsPanelProps) {
  const { scope } = useScope();
  const { zone } = useTimeZone();
  const { query, stop } = useLogGroups();
  const { stopped, stopLoading, reload: refresh } = useListingStop(query.refetch, stop);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [filter, setFilter] = useState<GroupListFilter>('all');
  const [preferences] = useGroupPreferences();
  const [creating, setCreating] = useState(false);

  const groups = query.data ?? NO_GROUPS;
  // While pages stream in, rendering may lag a page or two behind; it never blocks typing.
  const deferredGroups = useDeferredValue(groups);
  const terms = useMemo(() => searchTerms(deferredSearch), [deferredSearch]);
  const favourites = useMemo(() => new Set(preferences.favourites), [preferences.favourites]);
  const columns = useMemo(() => groupColumns(zone, favourites), [zone, favourites]);
  const shown = useMemo(() => shownGroups(deferredGroups, filter, preferences), [deferredGroups, filter, preferences]);
  // Sorted once per sort or data change; each keystroke then only filters the sorted rows.
  const sorted = useMemo(() => sortGroups(shown, sorting), [shown, sorting]);

  const table = useReactTable({
    data: sorted as LogGroup[],
    columns,
    state: { sorting, globalFilter: terms.length > 0 ? terms : undefined },
    meta: { searchTerms: terms },
    manualSorting: true,
    onSortingChange: setSorting,
    globalFilterFn: (row, columnId, words: readonly string[]) => matchesAllTerms(row.getValue<string>(columnId), words),
    getColumnCanGlobalFilter: (column) => column.id === 'name',
    getRowId: (group) => group.name,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const visibleCount = table.getRowModel().rows.length;

  const loading = query.fetchStatus === 'fetching';
  const searching = terms.length > 0;

  function showOnly(next: GroupListFilter) {
    setFilter(next);
    // Recent groups are listed most recent first until a column is sorted.
    if (next === 'recent') setSorting([]);
  }

  const countText = searching
    ? `${formatCount(visibleCount)} of ${plural(shown.length, 'log group')}`
    : plural(shown.length, filter === 'all' ? 'log group' : filter === 'favourites' ? 'favourite' : 'recent log group');

  return (
    <Panel
      label="Log groups"
      hidden={hidden}
      search={{ label: 'Search log groups', placeholder: 'Search log groups — e.g. lambda prod', value: search, onChange: setSearch, results: gridRef }}
      count={query.data === undefined ? '' : countText}
      actions={
        <>
          <div className="segmented" role="group" aria-label="Show">
            <button type="button" aria-pressed={filter === 'all'} onClick={() => showOnly('all')}>
              All
            </button>
            <button type="button" aria-pressed={filter === 'favourites'} onClick={() => showOnly('favourites')}>
              Favourites ({formatCount(preferences.favourites.length)})
            </button>
            <button type="button" aria-pressed={filter === 'recent'} onClick={() => showOnly('recent')}>
              Recent
            </button>
          </div>
          <button type="button" className="button button-quiet" onClick={onSearch}>
            <SearchIcon />
            Search events…
          </button>
          <button type="button" className="button button-quiet" onClick={() => setCreating(true)}>
            <PlusIcon />
            Create log group
          </button>
        </>
      }
      refresh={{ label: 'Refresh', onClick: refresh, disabled: loading && !query.isFetched && query.data === undefined }}
      status={progress()}
    >
      <QueryStateBody query={query} loading={firstLoad()} errorContext="Could not load log groups" onRetry={refresh} empty={noGroups()}>
        <DataGrid table={table} label="Log groups" rowHeight={32} onOpen={onOpen} handleRef={gridRef} />
      </QueryStateBody>
      {creating && (
        <CreateGroupDialog
          onClose={() => setCreating(false)}
          onCreated={(group) => {
            setCreating(false);
            onOpen(group);
          }}
        />
      )}
    </Panel>
  );

  /** How loading goes once the first page is there: still loading, stopped, failed part way. */
  function progress() {
    if (query.data === undefined) return null;
    return (
      <ListingProgress
        loading={loading}
        stopped={stopped}
        loaded={plural(groups.length, 'log group')}
        error={query.isError ? query.error : undefined}
        failedContext="Loading stopped"
        onStop={stopLoading}
        onReload={refresh}
      />
    );
  }

  function firstLoad() {
    if (loading) {
      return (
        <LoadingState
          label={`Loading log groups in ${scope.region}…`}
          actions={
            <button type="button" className="button button-quiet" onClick={stopLoading}>
              Cancel
            </button>
          }
        />
      );
    }
    return (
      <EmptyState title="Loading was cancelled" actions={<button type="button" className="button" onClick={refresh}>Load log groups</button>}>
        No log groups have been loaded.
      </EmptyState>
    );
  }

  function noGroups() {
    if (groups.length === 0 && !loading) {
      return (
        <EmptyState
          title={`No log groups in ${scope.region}`}
          actions={
            <>
              <button type="button" className="button" onClick={onSwitchRegion}>
                Switch region
              </button>
              <button type="button" className="button button-quiet" onClick={() => setCreating(true)}>
                Create log group
              </button>
              <button type="button" className="button button-quiet" onClick={refresh}>
                Refresh
              </button>
            </>
          }
        >
          Log groups belong to one region. If you expected some here, your services may log to another region of{' '}
          {scope.connection.name}.
        </EmptyState>
      );
    }
    if (shown.length === 0 && filter !== 'all' && !searching) {
      return (
        <EmptyState
          title={filter === 'favourites' ? 'No favourite log groups yet' : 'No log groups opened yet'}
          actions={
            <button type="button" className="button" onClick={() => showOnly('all')}>
              Show all log groups
            </button>
          }
        >
          {filter === 'favourites'
            ? 'Open a group and mark it with the star next to its name; it will be listed here, for this connection and region.'
            : 'The groups you open are listed here, most recent first, for this connection and region.'}
        </EmptyState>
      );
    }
    if (visibleCount === 0 && searching) {
      return (
        <EmptyState
          title={`No log groups match “${deferredSearch.trim()}”`}
          actions={
            <button type="button" className="button" onClick={() => setSearch('')}>
              Clear search
            </button>
          }
        >
          {loading
            ? `Searched the ${plural(deferredGroups.length, 'log group')} loaded so far; more are still loading.`
            : `Searched ${filter === 'all' ? 'all ' : ''}${plural(shown.length, filter === 'all' ? 'log group' : filter === 'favourites' ? 'favourite' : 'recent log group')}. Every word must appear in the name.`}
        </EmptyState>
      );
    }
    return null;
  }
}
