/**
 * The events of one stream, oldest at the top and newest at the bottom like a terminal, in the Logs
 * view's frame for loaded events (EventsPane): opens on the newest page, loads older events above as
 * the reader nears the top (keeping the reading position) and newer ones below, and jumps to a time.
 * Every load can be cancelled and gives up after a while; a failed reload keeps what is on screen and
 * says what failed beside it; a stream or group deleted while open is said so.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { logStreamConsoleUrl } from '../../../../../shared/console-links';
import { formatTimestamp, plural } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import { titleInSentence } from '../../../api/errorText';
import { ExternalLinkIcon } from '../../../components/icons';
import { Panel } from '../../../components/Panel';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import type { EventTableHandle } from '../../../components/event-table/EventTable';
import { useEventView } from '../../../components/event-table/useEventView';
import { useTimeZone } from '../../../components/TimeZone';
import { EventsPane, type EventActions } from '../explorer/EventsPane';
import { STREAM_COLUMNS } from './columns';
import { InvocationDialog } from '../context/InvocationDialog';
import { JumpToTime } from './JumpToTime';
import { streamSaveName } from '../explorer/saveName';
import { NewerEdge, OlderEdge, StartLine, startVerb, StreamGone } from './StreamLines';
import { NEWEST, type StreamStart } from './streamReader';
import { useStreamReader } from './useStreamReader';
import './events.css';

interface LogEventsPanelProps {
  readonly logGroupName: string;
  readonly logStreamName: string;
  /** Where to open: the newest events unless told (e.g. an event a link names, which is marked when found). */
  readonly start?: StreamStart;
  /** Put the keyboard on the event it opens on once it is loaded. */
  readonly focusOnLoad: boolean;
  /** The log group was deleted while open: show the list of groups. */
  readonly onGroupGone?: () => void;
  /** The stream was deleted (or all its events expired) while open: show the group's streams. */
  readonly onStreamGone?: () => void;
}

export function LogEventsPanel({ logGroupName, logStreamName, start, focusOnLoad, onGroupGone, onStreamGone }: LogEventsPanelProps) {
  const { zone } = useTimeZone();
  const { scope } = useScope();
  const reader = useStreamReader(logGroupName, logStreamName, start);
  const state = useSyncExternalStore(reader.subscribe, reader.getState);
  const view = useEventView(reader.store);
  const table = useRef<EventTableHandle>(null);
  const [columns, setColumns] = useState(STREAM_COLUMNS);
  const [invocation, setInvocation] = useState<{ readonly event: FoundEvent; readonly requestId: string } | undefined>(undefined);

  // New events from a start (opening, reloading, jumping): bring its row into view, with the keyboard
  // on it after a jump, or on opening when asked to. The table reports nearing either end only once there.
  const { landing } = state;
  useLayoutEffect(() => {
    if (!landing) return;
    const focus = landing.cause === 'jump' || (landing.cause === 'open' && focusOnLoad);
    table.current?.scrollToKey(landing.key, { align: landing.align, focus });
  }, [landing, focusOnLoad]);

  const loadOlder = useCallback(() => reader.loadOlder(true), [reader]);
  const loadNewer = useCallback(() => reader.loadNewer(true), [reader]);
  const actions: EventActions = useMemo(() => ({ showInvocation: (event, requestId) => setInvocation({ event, requestId }) }), []);

  const first = view.at(0);
  const last = view.at(view.count - 1);
  const count =
    state.shown === undefined
      ? ''
      : first && last
        ? `${plural(view.count, 'event')} · ${formatTimestamp(first.timestamp, zone, 'second')} → ${formatTimestamp(last.timestamp, zone, 'second')}`
        : plural(view.count, 'event');
  const gone = state.gone !== undefined;

  return (
    <Panel
      label="Log events"
      className="events-panel"
      compact
      count={count}
      actions={
        <>
          <a className="link-button" href={logStreamConsoleUrl(scope.region, logGroupName, logStreamName)} target="_blank" rel="noreferrer" title="Open this stream in the AWS console">
            AWS console
            <ExternalLinkIcon />
          </a>
          <JumpToTime onGo={(start) => reader.go(start, 'jump')} disabled={gone} />
        </>
      }
      refresh={{ label: 'Reload', title: 'Reload the newest events', onClick: () => reader.go(NEWEST, 'reload'), disabled: gone }}
      status={
        state.shown === undefined ? undefined : state.gone ? (
          <StreamGone what={state.gone} logGroupName={logGroupName} logStreamName={logStreamName} onGroupGone={onGroupGone} onStreamGone={onStreamGone} />
        ) : (
          <StartLine state={state} onCancel={() => reader.cancel('first')} onRetry={() => reader.retry('first')} onDismiss={() => reader.dismiss('first')} />
        )
      }
    >
      {state.shown === undefined ? (
        notShownYet()
      ) : (
        <EventsPane
          store={reader.store}
          label={`Events of ${logStreamName}`}
          columns={columns}
          onColumnsChange={setColumns}
          saveName={streamSaveName(logGroupName, logStreamName)}
          actions={actions}
          markedKey={state.marked}
          above={gone ? undefined : <OlderEdge state={state} onLoad={() => reader.loadOlder()} onCancel={() => reader.cancel('older')} />}
          below={gone ? undefined : <NewerEdge state={state} onLoad={() => reader.loadNewer()} onCancel={() => reader.cancel('newer')} />}
          empty={<p className="events-note">{noEvents()}</p>}
          onNearStart={loadOlder}
          onNearEnd={loadNewer}
          tableRef={table}
        />
      )}
      {invocation && <InvocationDialog event={invocation.event} requestId={invocation.requestId} onClose={() => setInvocation(undefined)} />}
    </Panel>
  );

  function notShownYet() {
    if (state.gone) {
      return <StreamGone full what={state.gone} logGroupName={logGroupName} logStreamName={logStreamName} onGroupGone={onGroupGone} onStreamGone={onStreamGone} />;
    }
    const { first: loading, start } = state;
    if (loading.status === 'loading') {
      return (
        <LoadingState
          label={start.kind === 'newest' ? 'Loading the newest events…' : `${startVerb(start, zone)}…`}
          actions={
            <button type="button" className="button button-quiet" onClick={() => reader.cancel('first')}>
              Cancel
            </button>
          }
        />
      );
    }
    if (loading.status === 'failed') {
      const context = start.kind === 'newest' ? 'Could not load events' : `Could not ${titleInSentence(startVerb(start, zone))}`;
      return <ErrorState error={loading.error} context={context} onRetry={() => reader.retry('first')} />;
    }
    return (
      <EmptyState
        title="Loading was cancelled"
        actions={
          <button type="button" className="button" onClick={() => reader.retry('first')}>
            Load the newest events
          </button>
        }
      />
    );
  }

  function noEvents(): string {
    if (state.older.status === 'loading') return 'Nothing here yet; looking further back…';
    if (state.olderEnd === 'beginning') return 'This stream has no events.';
    return 'No events in the pages read so far. Load older events to look further back.';
  }
}
