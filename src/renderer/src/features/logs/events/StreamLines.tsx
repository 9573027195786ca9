/**
 * The lines around a stream's events that say how loading goes: a new start (reload, jump) above the
 * events it will replace, older events above the table, newer ones below it, and a stream or group
 * that was deleted while open. Each load in progress offers Cancel; each failure says what failed and
 * offers Retry, next to the events that stay.
 */
import type { ReactNode } from 'react';
import { formatTimestamp, type TimeZoneMode } from '../../../../../shared/format';
import { titleInSentence } from '../../../api/errorText';
import { ErrorState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import type { LoadState, StreamReaderState, StreamStart } from './streamReader';

function Loading({ label, onCancel }: { label: string; onCancel: () => void }) {
  return (
    <>
      <span role="status">
        <span className="spinner spinner-small" aria-hidden="true" /> {label}
      </span>
      <button type="button" className="link-button" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}

/** Loading from a new start while the events loaded before stay on screen. */
export function StartLine({ state, onCancel, onRetry, onDismiss }: { state: StreamReaderState; onCancel: () => void; onRetry: () => void; onDismiss: () => void }) {
  const { zone } = useTimeZone();
  const { first, start } = state;
  if (first.status === 'loading') {
    return (
      <div className="events-line">
        <Loading label={`${startVerb(start, zone)}…`} onCancel={onCancel} />
      </div>
    );
  }
  if (first.status === 'failed') {
    return (
      <div className="events-line">
        <ErrorState
          inline
          error={first.error}
          context={`Could not ${titleInSentence(startVerb(start, zone))}`}
          onRetry={onRetry}
          actions={
            <button type="button" className="button button-quiet" onClick={onDismiss}>
              Dismiss
            </button>
          }
        />
      </div>
    );
  }
  return null;
}

/** What loading from a start does, as a command: "Go to 2026-11-30 10:00:00.000". */
export function startVerb(start: StreamStart, zone: TimeZoneMode): string {
  switch (start.kind) {
    case 'newest':
      return 'Reload the newest events';
    case 'oldest':
      return 'Go to the start of the stream';
    case 'time':
      return `Go to ${formatTimestamp(start.time, zone)}${zone === 'utc' ? ' UTC' : ''}`;
  }
}

export function OlderEdge({ state, onLoad, onCancel }: { state: StreamReaderState; onLoad: () => void; onCancel: () => void }) {
  const { older, olderEnd } = state;
  return (
    <EdgeLine load={older} which="older" onLoad={onLoad} onCancel={onCancel}>
      {olderEnd === 'beginning' ? (
        <span>Beginning of stream</span>
      ) : (
        <>
          <button type="button" className="link-button" onClick={onLoad}>
            Load older events
          </button>
          {olderEnd === 'gap' && <span>The last pages AWS sent were empty, as across a gap in a stream; older events may still come.</span>}
        </>
      )}
    </EdgeLine>
  );
}

export function NewerEdge({ state, onLoad, onCancel }: { state: StreamReaderState; onLoad: () => void; onCancel: () => void }) {
  const { zone } = useTimeZone();
  const { newer, newerEnd, checkedAt } = state;
  return (
    <EdgeLine load={newer} which="newer" onLoad={onLoad} onCancel={onCancel}>
      <button type="button" className="link-button" onClick={onLoad}>
        Load newer events
      </button>
      {newerEnd === 'caught-up' && checkedAt !== undefined && (
        <span role="status">No newer events yet (checked {formatTimestamp(checkedAt, zone, 'second').slice(11)})</span>
      )}
      {newerEnd === 'gap' && <span>The last pages AWS sent were empty, as across a gap in a stream; newer events may still come.</span>}
    </EdgeLine>
  );
}

/** One edge of the loaded events: its load in progress, its failure, or `children` (what can be done next). */
function EdgeLine({ load, which, onLoad, onCancel, children }: { load: LoadState; which: 'older' | 'newer'; onLoad: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <div className={which === 'newer' ? 'events-line events-line-below' : 'events-line'} data-edge={which}>
      {load.status === 'loading' ? (
        <Loading label={`Loading ${which} events…`} onCancel={onCancel} />
      ) : load.status === 'failed' ? (
        <ErrorState inline error={load.error} context={`Could not load ${which} events`} onRetry={onLoad} />
      ) : (
        children
      )}
    </div>
  );
}

interface StreamGoneProps {
  readonly what: 'stream' | 'group';
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly onGroupGone?: () => void;
  readonly onStreamGone?: () => void;
  /** Nothing was loaded: the whole panel says it. */
  readonly full?: boolean;
}

export function StreamGone({ what, logGroupName, logStreamName, onGroupGone, onStreamGone, full = false }: StreamGoneProps) {
  const loaded = full ? '' : ' The events below were loaded before; they can still be read and saved.';
  const text =
    what === 'group'
      ? `The log group ${logGroupName} no longer exists: it was deleted while open.${loaded}`
      : `The stream ${logStreamName} no longer exists: it was deleted, or all its events expired.${loaded}`;
  const back = what === 'group' ? onGroupGone : onStreamGone;
  return (
    <div className={full ? 'state' : 'events-line events-line-warning'} role="alert">
      <p className={full ? 'state-title' : undefined}>{text}</p>
      {back && (
        <button type="button" className="button" onClick={back}>
          {what === 'group' ? 'Show log groups' : 'Show the streams'}
        </button>
      )}
    </div>
  );
}
