/**
 * The events a lookup finds, newest first, as they arrive: what AWS looked up and what the app applied
 * (said above the table), progress with Stop, a warning with Load more when the results were cut off,
 * instant filtering of the loaded events, Download, and the detail pane of the open event.
 */
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { LookupAttribute, TrailEvent } from '../../../../shared/contract';
import { formatCount, formatTimestamp, plural } from '../../../../shared/format';
import { defaultTpsQuota } from '../../../../shared/quotas';
import { describeTimeRange } from '../../../../shared/time-range';
import { throttleNotices } from '../../api/throttleNotices';
import { useScope } from '../../app/scope';
import { DataGrid, type DataGridHandle } from '../../components/DataGrid';
import { StopIcon } from '../../components/icons';
import { Panel } from '../../components/Panel';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { matchesAllTerms, searchTerms } from '../../components/textMatch';
import { useTimeZone } from '../../components/TimeZone';
import { eventColumns, searchableText } from './eventColumns';
import { ATTRIBUTE_LABELS, requestOf, saveNameOf, type LookupState } from './lookupState';
import { LookupSession } from './lookupSession';
import { presetOf } from './presets';
import { SaveEventsButton } from './SaveEventsButton';
import { TrailEventDetail } from './TrailEventDetail';

interface EventHistoryProps {
  readonly lookup: LookupState;
  /** When the lookup was submitted: a relative range is resolved against it. */
  readonly submittedAt: number;
  readonly onLookup: (attribute: LookupAttribute) => void;
  readonly onAgain: () => void;
}

function describeAttribute({ key, value }: LookupAttribute): string {
  return `${ATTRIBUTE_LABELS[key]} = ${value}`;
}

export function EventHistory({ lookup, submittedAt, onLookup, onAgain }: EventHistoryProps) {
  const { zone } = useTimeZone();
  const { scope } = useScope();
  const session = useMemo(
    () =>
      new LookupSession(
        // Throttling that retries could not get past is explained once for the region, above every view.
        (request, listener) =>
          window.api.trail.lookup(request, {
            ...listener,
            error: (error) => {
              throttleNotices.report(error);
              listener.error?.(error);
            },
          }),
        { lookup: requestOf(lookup, submittedAt) },
      ),
    [lookup, submittedAt],
  );
  useEffect(() => {
    session.start();
    return () => session.cancel();
  }, [session]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const preset = presetOf(lookup.preset);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const terms = useMemo(() => searchTerms(deferredFilter), [deferredFilter]);
  const deferredEvents = useDeferredValue(state.events);
  const shown = useMemo(() => {
    const check = preset?.check?.test;
    return deferredEvents.filter((event) => (check === undefined || check(event)) && (terms.length === 0 || matchesAllTerms(searchableText(event), terms)));
  }, [deferredEvents, preset, terms]);
  const columns = useMemo(() => eventColumns(zone), [zone]);
  const table = useReactTable({
    data: shown as TrailEvent[],
    columns,
    meta: { searchTerms: terms },
    getRowId: (event) => event.eventId,
    getCoreRowModel: getCoreRowModel(),
  });
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const open = openId === undefined ? undefined : state.events.find((event) => event.eventId === openId);
  const gridRef = useRef<DataGridHandle>(null);
  const loaded = state.events.length;

  return (
    <Panel
      label="Event history"
      search={{ label: 'Filter loaded events', placeholder: 'Filter loaded events — e.g. DeleteLogGroup priya', value: filter, onChange: setFilter, results: gridRef }}
      count={state.loading && loaded === 0 ? '' : terms.length > 0 || preset?.check ? `${formatCount(shown.length)} of ${plural(loaded, 'event')}` : plural(loaded, 'event')}
      actions={<SaveEventsButton events={shown} saveName={saveNameOf(lookup, submittedAt)} />}
      refresh={{ label: 'Look up again', onClick: onAgain, title: 'Run the lookup again (new events, e.g. your own changes, appear within seconds)' }}
      status={statusLines()}
    >
      <div className="trail-results">
        <div className="trail-table">{body()}</div>
        {open && (
          <TrailEventDetail
            key={open.eventId}
            event={open}
            onClose={() => setOpenId(undefined)}
            returnFocus={() => gridRef.current?.focusActiveRow()}
            onLookup={onLookup}
          />
        )}
      </div>
    </Panel>
  );

  function body() {
    if (state.error !== undefined && loaded === 0) return <ErrorState error={state.error} context="Could not look up events" onRetry={onAgain} />;
    if (loaded === 0 && state.loading) {
      return (
        <LoadingState
          label={`Looking up events — ${describeTimeRange(lookup.range, zone)}…`}
          actions={
            <button type="button" className="button button-quiet" onClick={() => session.cancel()}>
              Stop
            </button>
          }
        />
      );
    }
    if (shown.length === 0 && !state.loading) {
      if (loaded > 0) {
        return (
          <EmptyState
            title="None of the loaded events match"
            actions={
              terms.length > 0 ? (
                <button type="button" className="button" onClick={() => setFilter('')}>
                  Clear the filter
                </button>
              ) : undefined
            }
          >
            {preset?.check ? `Cloudscope keeps the events where ${preset.check.words}. ` : ''}
            {terms.length > 0 ? 'Every word must appear in the event’s name, user, source, resources, region, error, address or key.' : ''}
            {state.cutOff ? ' Older events are not loaded yet: Load more.' : ''}
          </EmptyState>
        );
      }
      if (state.cutOff) {
        return (
          <EmptyState title="No events found yet">
            The lookup stopped before it found any: Load more reads on from where it stopped.
          </EmptyState>
        );
      }
      return (
        <EmptyState title="No events found">
          Event history holds the management events of the last 90 days in this region. Try a longer range, another attribute, or “All events”
          instead of reads or writes only.
        </EmptyState>
      );
    }
    return <DataGrid table={table} label="Events" rowHeight={30} onOpen={(event) => setOpenId(event.eventId)} selectedRowId={openId} handleRef={gridRef} />;
  }

  function statusLines() {
    const progress = state.progress;
    return (
      <>
        {state.sent !== null || state.appliedLocally.length > 0 || preset?.check ? (
          <p className="panel-note trail-applied" role="note">
            {state.sent ? `AWS looked up ${describeAttribute(state.sent)}` : 'AWS looked up every event'}
            {state.appliedLocally.length > 0 && `; Cloudscope applied ${state.appliedLocally.map(describeAttribute).join(', ')} to what AWS returned (AWS looks up one attribute at a time)`}
            {preset?.check && `; the preset “${preset.label}” keeps the events where ${preset.check.words}`}.
          </p>
        ) : null}
        {state.loading && loaded > 0 && (
          <div className="progress-line" role="status">
            <span className="spinner spinner-small" aria-hidden="true" />
            <span>
              Reading event history… {plural(progress?.pages ?? 0, 'page')}, {plural(loaded, 'event')} so far
              {progress?.reachedTime !== undefined && `, back to ${formatTimestamp(progress.reachedTime, zone, 'second')}${zone === 'utc' ? ' UTC' : ''}`}
              {` (AWS allows ${defaultTpsQuota('cloudtrail', 'LookupEvents', scope.region) ?? 2} lookups a second)`}
            </span>
            <button type="button" className="link-button" onClick={() => session.cancel()}>
              <StopIcon />
              Stop
            </button>
          </div>
        )}
        {!state.loading && state.cutOff && (
          <div className="progress-line progress-line-warning" role="status">
            <span>
              {state.cutOff === 'stopped' ? 'Stopped' : 'Cut off'} after {plural(loaded, 'event')}
              {progress?.reachedTime !== undefined && ` (back to ${formatTimestamp(progress.reachedTime, zone, 'second')}${zone === 'utc' ? ' UTC' : ''})`}: older events of the
              range are not loaded.
            </span>
            <button type="button" className="link-button" onClick={() => session.loadMore()}>
              Load more
            </button>
          </div>
        )}
        {progress !== undefined && progress.throttled > 0 && (
          <p className="panel-note" role="status">
            AWS throttled {plural(progress.throttled, 'call')}; each was retried, so nothing is missing.
          </p>
        )}
        {state.error !== undefined && loaded > 0 && (
          <ErrorState inline error={state.error} context={`Loading stopped after ${plural(loaded, 'event')}`} onRetry={() => session.loadMore()} />
        )}
      </>
    );
  }
}
