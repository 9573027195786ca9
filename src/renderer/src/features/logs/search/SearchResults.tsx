/**
 * The events a search finds, newest first: the first page as soon as it is found, older ones as the
 * reader scrolls up, newer ones on request for a range that ends now. What has been searched is said
 * above the table; a failure keeps what is loaded and offers to retry the page that failed.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { formatTimestamp, plural } from '../../../../../shared/format';
import { describeTimeRange } from '../../../../../shared/time-range';
import { DEFAULT_COLUMNS, GROUP_COLUMNS, type EventColumn } from '../../../components/event-table/columns';
import { EventStore } from '../../../components/event-table/eventStore';
import { StopIcon } from '../../../components/icons';
import { ErrorState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { EventsPane, type EventActions } from '../explorer/EventsPane';
import { searchSaveName, selectionOf, type SearchState } from './searchState';
import { SearchSession } from './searchSession';

interface SearchResultsProps {
  readonly search: SearchState;
  /** When the search was submitted: a relative range is resolved against it. */
  readonly submittedAt: number;
  readonly actions: EventActions;
}

export function SearchResults({ search, submittedAt, actions }: SearchResultsProps) {
  const { zone } = useTimeZone();
  const store = useMemo(() => new EventStore<FoundEvent>(), []);
  const selection = useMemo(() => selectionOf(search, submittedAt), [search, submittedAt]);
  const session = useMemo(
    () => new SearchSession((request, listener) => window.api.logs.search(request, listener), store, selection),
    [store, selection],
  );
  useEffect(() => {
    session.start();
    return () => session.cancel();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const subscribeToStore = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const count = useSyncExternalStore(subscribeToStore, () => store.count);
  const manyGroups = state.groups.length > 1 || search.groups.kind === 'pattern' || (search.groups.kind === 'names' && search.groups.names.length > 1);
  const [columns, setColumns] = useState<readonly EventColumn[]>(() =>
    manyGroups ? GROUP_COLUMNS : DEFAULT_COLUMNS,
  );
  const endsNow = search.range.kind === 'relative' && search.range.endAgoMs === 0;
  const groupsText = state.groups.length > 0 ? state.groups.join(', ') : search.groups.kind === 'pattern' ? search.groups.pattern : search.groups.names.join(', ');

  const above = (
    <>
      <div className="events-line" role="status">
        {state.loading === 'first' ? (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            <span>
              Searching {groupsText} — {describeTimeRange(search.range, zone)}
              {count > 0 && `, ${plural(count, 'event')} so far`}…
            </span>
            <button type="button" className="link-button" onClick={() => session.cancel()}>
              <StopIcon />
              Stop
            </button>
          </>
        ) : (
          <span>
            {plural(count, 'event')} from {groupsText}
            {state.complete
              ? ` — all of ${inSentence(describeTimeRange(search.range, zone))}`
              : state.searchedFrom !== undefined
                ? ` — searched back to ${formatTimestamp(state.searchedFrom, zone, 'second')}${zone === 'utc' ? ' UTC' : ''}`
                : ''}
          </span>
        )}
        {state.loading === null && !state.complete && state.searchedFrom !== undefined && (
          <button type="button" className="link-button" onClick={() => session.loadOlder()}>
            Load older
          </button>
        )}
        {state.loading === 'older' && (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            <span>Loading older events…</span>
          </>
        )}
      </div>
      {state.error && (
        <ErrorState inline error={state.error} context={state.failed === 'first' ? 'The search failed' : 'Loading more events failed'} onRetry={() => session.retry(Date.now())} />
      )}
    </>
  );

  const below = endsNow && state.loading !== 'first' && (
    <div className="events-line">
      {state.loading === 'newer' ? (
        <>
          <span className="spinner spinner-small" aria-hidden="true" />
          <span>Loading newer events…</span>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => session.loadNewer(Date.now())}>
          Load newer events
        </button>
      )}
    </div>
  );

  return (
    <EventsPane
      store={store}
      label={`Events found in ${groupsText}`}
      columns={columns}
      onColumnsChange={setColumns}
      filterPattern={search.filterPattern}
      saveName={searchSaveName(search, 'search')}
      actions={actions}
      above={above}
      below={below || undefined}
      onNearStart={() => session.loadOlder()}
      empty={
        state.loading === 'first' ? null : (
          <p className="events-note">
            {state.error
              ? 'Nothing was found before the search failed.'
              : `No events match in ${inSentence(describeTimeRange(search.range, zone))}. Try a longer range, or check the pattern: terms are case-sensitive.`}
          </p>
        )
      }
    />
  );
}

/** "Last 2 hours" → "the last 2 hours", to follow "all of" or "in"; other descriptions stay. */
function inSentence(range: string): string {
  return range.replace(/^Last /, 'the last ').replace(/^From /, 'from ');
}
