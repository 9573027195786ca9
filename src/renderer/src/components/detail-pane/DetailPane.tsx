/**
 * One event, whole: when it happened (in the app's time zone, and the other one), where it was
 * logged, how big it is, its JSON as a tree (with "add as column" per field) when it is JSON, and its
 * raw text, shown as inert as in the table. Escape closes it; focus goes back where the caller says
 * (the table's active row) when it closes.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatBytes, formatTimestamp, plural } from '../../../../shared/format';
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import type { TableEvent } from '../event-table/columns';
import { parseJsonMessage, type JsonPath } from '../event-table/jsonPath';
import { CheckIcon, CloseIcon, CopyIcon } from '../icons';
import { MessageText } from '../message/MessageText';
import { messageStats } from '../message/messageSegments';
import { useTimeZone } from '../TimeZone';
import { useCopy } from '../useCopy';
import { JsonTree } from './JsonTree';
import { usePaneFocus } from './usePaneFocus';
import './DetailPane.css';

export interface DetailEvent extends TableEvent {
  readonly eventId?: string;
}

interface DetailPaneProps {
  readonly event: DetailEvent;
  /** Escape or the close button. */
  readonly onClose: () => void;
  /** Gives focus back (e.g. `tableHandle.focusActiveRow()`) when the pane goes away while it has focus. */
  readonly returnFocus?: () => void;
  /** "Add as column" on the fields of a JSON message. */
  readonly onAddColumn?: (path: JsonPath) => void;
  readonly hasColumn?: (path: JsonPath) => boolean;
  /** Ranges of the message to highlight in the raw text. */
  readonly highlights?: readonly TextSpan[];
  /** What the view offers to do with the event (e.g. "Show in context"), under its facts. */
  readonly actions?: ReactNode;
}

export function DetailPane({ event, onClose, returnFocus, onAddColumn, hasColumn, highlights, actions }: DetailPaneProps) {
  const { zone } = useTimeZone();
  const titleId = useId();
  const paneRef = useRef<HTMLElement>(null);
  const json = useMemo(() => parseJsonMessage(event.message), [event.message]);
  const isJson = typeof json === 'object' && json !== null;
  const [view, setView] = useState<'tree' | 'raw'>('tree');
  const { bytes, lines } = useMemo(() => messageStats(event.message), [event.message]);
  const { copy, stateOf } = useCopy();
  const otherZone = zone === 'utc' ? 'local' : 'utc';

  const onKeyDown = usePaneFocus(paneRef, onClose, returnFocus);

  return (
    <aside className="detail-pane" aria-labelledby={titleId} ref={paneRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="detail-header">
        <h2 id={titleId} className="detail-title">
          Event at {formatTimestamp(event.timestamp, zone)}
          {zone === 'utc' && ' UTC'}
        </h2>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void copy('message', event.message)}
          title={stateOf('message') === 'failed' ? 'Could not copy: the clipboard is not available' : 'Copy the message'}
        >
          {stateOf('message') === 'copied' ? <CheckIcon /> : <CopyIcon />}
          {stateOf('message') === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <dl className="detail-facts">
        <div>
          <dt>{otherZone === 'utc' ? 'UTC' : 'Local time'}</dt>
          <dd className="mono">{formatTimestamp(event.timestamp, otherZone)}</dd>
        </div>
        {event.ingestionTime !== undefined && (
          <div>
            <dt>Ingested</dt>
            <dd className="mono">{formatTimestamp(event.ingestionTime, zone)}</dd>
          </div>
        )}
        {event.logGroupName !== undefined && (
          <div>
            <dt>Log group</dt>
            <dd>
              <MessageText text={event.logGroupName} wrap />
            </dd>
          </div>
        )}
        {event.logStreamName !== undefined && (
          <div>
            <dt>Stream</dt>
            <dd>
              <MessageText text={event.logStreamName} wrap />
            </dd>
          </div>
        )}
        <div>
          <dt>Size</dt>
          <dd>
            {formatBytes(bytes)}
            {lines > 1 && ` · ${plural(lines, 'line')}`}
          </dd>
        </div>
        {event.eventId !== undefined && (
          <div>
            <dt>Event ID</dt>
            <dd className="mono detail-id">{event.eventId}</dd>
          </div>
        )}
      </dl>
      {actions && <div className="detail-actions">{actions}</div>}
      {isJson && (
        <div className="segmented detail-switch" role="group" aria-label="Show the message as">
          <button type="button" aria-pressed={view === 'tree'} onClick={() => setView('tree')}>
            JSON
          </button>
          <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
            Raw text
          </button>
        </div>
      )}
      <div className="detail-body">
        {isJson && view === 'tree' ? (
          <JsonTree value={json} label="Fields of the message" onAddColumn={onAddColumn} hasColumn={hasColumn} />
        ) : (
          <MessageText text={event.message} highlights={highlights} wrap className="detail-raw" />
        )}
      </div>
    </aside>
  );
}
