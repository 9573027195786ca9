/** The cells of an event row. What they share (time zone, wrapping, caches, actions) comes from the table through a context. */
import type { CellContext } from '@tanstack/react-table';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { formatBytes, formatTimestamp, plural, type TimeZoneMode } from '../../../../shared/format';
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import { CheckIcon, CopyIcon } from '../icons';
import { MessageSegments, MessageText } from '../message/MessageText';
import { messageStats, segmentMessage, type MessageLimit } from '../message/messageSegments';
import type { CopyState } from '../useCopy';
import type { EventColumn, TableEvent } from './columns';
import type { RowKey } from './eventStore';
import { jsonValueText, valueAtPath, type JsonPath } from './jsonPath';

export interface TableRow<E> {
  readonly key: RowKey;
  /** Row of the view. */
  readonly index: number;
  readonly event: E;
}

export interface EventCells {
  readonly zone: TimeZoneMode;
  readonly wrap: boolean;
  /** What a collapsed message may show. */
  readonly limit: MessageLimit;
  highlightsOf(event: TableEvent): readonly TextSpan[] | undefined;
  /** The parsed JSON of an event's message, or undefined when it is not JSON. */
  jsonOf(event: TableEvent): unknown;
  onShowAll(key: RowKey, event: TableEvent): void;
  copyRow(key: RowKey, message: string): void;
  copyStateOf(key: RowKey): CopyState;
}

export const EventCellContext = createContext<EventCells | null>(null);

function useCells(): EventCells {
  const cells = useContext(EventCellContext);
  if (!cells) throw new Error('Event cells are drawn only inside an EventTable.');
  return cells;
}

/** One line of a name or value, never more. */
const ONE_LINE: MessageLimit = { lines: 1, chars: 300 };

type Cell = (context: CellContext<TableRow<TableEvent>, unknown>) => ReactNode;

export function cellFor(column: EventColumn | 'actions'): Cell {
  if (column === 'actions') return ({ row }) => <CopyCell rowKey={row.original.key} message={row.original.event.message} />;
  switch (column.kind) {
    case 'time':
      return ({ row }) => <TimeCell timestamp={row.original.event.timestamp} />;
    case 'group':
      return ({ row }) => <NameCell name={row.original.event.logGroupName} />;
    case 'stream':
      return ({ row }) => <NameCell name={row.original.event.logStreamName} />;
    case 'message':
      return ({ row }) => <MessageCell rowKey={row.original.key} event={row.original.event} />;
    case 'field': {
      const path = column.path;
      return ({ row }) => <FieldCell event={row.original.event} path={path} />;
    }
  }
}

function TimeCell({ timestamp }: { timestamp: number }) {
  const { zone } = useCells();
  return <span className="event-time">{formatTimestamp(timestamp, zone)}</span>;
}

/** Stream names may hold almost any character, so they are shown as safely as messages. */
function NameCell({ name }: { name: string | undefined }) {
  if (name === undefined) return null;
  return (
    <span title={name}>
      <MessageText text={name} limit={ONE_LINE} wrap={false} />
    </span>
  );
}

function MessageCell({ rowKey, event }: { rowKey: RowKey; event: TableEvent }) {
  const { wrap, limit, highlightsOf, onShowAll } = useCells();
  const highlights = highlightsOf(event);
  const { segments, truncated } = useMemo(() => segmentMessage(event.message, { highlights, limit }), [event.message, highlights, limit]);
  return (
    <>
      <div className="event-message">
        <MessageSegments segments={segments} wrap={wrap} truncated={truncated} />
      </div>
      {truncated && <ShowAll message={event.message} onClick={() => onShowAll(rowKey, event)} />}
    </>
  );
}

function ShowAll({ message, onClick }: { message: string; onClick: () => void }) {
  const { bytes, lines } = useMemo(() => messageStats(message), [message]);
  return (
    <div className="event-show-all">
      <button type="button" className="link-button" tabIndex={-1} onClick={onClick}>
        Show all
      </button>
      <span className="muted">
        {formatBytes(bytes)}
        {lines > 1 && ` · ${plural(lines, 'line')}`}
      </span>
    </div>
  );
}

function FieldCell({ event, path }: { event: TableEvent; path: JsonPath }) {
  const { jsonOf } = useCells();
  const value = valueAtPath(jsonOf(event), path);
  if (value === undefined) return null;
  return <MessageText text={jsonValueText(value)} limit={ONE_LINE} wrap={false} />;
}

function CopyCell({ rowKey, message }: { rowKey: RowKey; message: string }) {
  const { copyRow, copyStateOf } = useCells();
  const state = copyStateOf(rowKey);
  return (
    <button
      type="button"
      className="icon-button event-copy"
      tabIndex={-1}
      aria-label={state === 'copied' ? 'Copied' : 'Copy message'}
      title={state === 'failed' ? 'Could not copy: the clipboard is not available' : 'Copy message'}
      data-state={state}
      onClick={() => copyRow(rowKey, message)}
    >
      {state === 'copied' ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}
