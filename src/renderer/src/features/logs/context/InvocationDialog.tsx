/**
 * "This invocation": every line of one Lambda request, read from its stream (`logs.invocation`), in a
 * dialog over the stream viewer, so closing it (Esc) returns to the same place in the stream. The
 * line it was opened from is marked and focused.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { FoundEvent } from '../../../../../shared/contract';
import { formatTimestamp, plural } from '../../../../../shared/format';
import { Dialog } from '../../../components/Dialog';
import { EventStore, type RowKey } from '../../../components/event-table/eventStore';
import type { EventTableHandle } from '../../../components/event-table/EventTable';
import { ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { EventsPane } from '../explorer/EventsPane';
import { STREAM_COLUMNS } from '../events/columns';
import { streamSaveName } from '../explorer/saveName';
import { useInvocation } from './useInvocation';

interface InvocationDialogProps {
  /** The line "This invocation" was chosen on. */
  readonly event: FoundEvent;
  readonly requestId: string;
  readonly onClose: () => void;
}

export function InvocationDialog({ event, requestId, onClose }: InvocationDialogProps) {
  const query = useInvocation(event, requestId);
  return (
    <Dialog title="This invocation" size="large" className="invocation-dialog" onClose={onClose} subtitle={<span className="mono">Request {requestId}</span>}>
      {query.data ? (
        <InvocationEvents events={query.data.events} opened={event} requestId={requestId} />
      ) : query.isError ? (
        <ErrorState error={query.error} context="Could not load this invocation" onRetry={() => void query.refetch()} />
      ) : (
        <LoadingState
          label="Finding every line of this request…"
          actions={
            <button type="button" className="button button-quiet" onClick={onClose}>
              Cancel
            </button>
          }
        />
      )}
    </Dialog>
  );
}

function InvocationEvents({ events, opened, requestId }: { events: readonly FoundEvent[]; opened: FoundEvent; requestId: string }) {
  const { zone } = useTimeZone();
  const [store] = useState(() => {
    const loaded = new EventStore<FoundEvent>();
    loaded.append(events);
    return loaded;
  });
  const [openedKey] = useState<RowKey | undefined>(() => {
    const index = events.findIndex((candidate) => candidate.timestamp === opened.timestamp && candidate.message === opened.message);
    return index === -1 ? undefined : store.keyAt(index);
  });
  const [columns, setColumns] = useState(STREAM_COLUMNS);
  const table = useRef<EventTableHandle>(null);
  useLayoutEffect(() => {
    if (openedKey !== undefined) table.current?.scrollToKey(openedKey, { align: 'center', focus: true });
  }, [openedKey]);

  const first = events[0];
  const last = events[events.length - 1];
  return (
    <EventsPane
      store={store}
      label={`Lines of request ${requestId}`}
      columns={columns}
      onColumnsChange={setColumns}
      saveName={streamSaveName(opened.logGroupName, opened.logStreamName, `request ${requestId}`)}
      markedKey={openedKey}
      startAt="start"
      tableRef={table}
      above={
        <p className="events-line" role="status">
          {first && last
            ? `${plural(events.length, 'line')} of ${opened.logStreamName} carry this request id, from ${formatTimestamp(first.timestamp, zone)} to ${formatTimestamp(last.timestamp, zone)}.`
            : ''}
        </p>
      }
      empty={<p className="events-note">No line of {opened.logStreamName} carries this request id near the line it was chosen on.</p>}
    />
  );
}
