/** The columns an event table can show, as plain data a view can keep in its state or URL. */
import { formatJsonPath, samePath, type JsonPath } from './jsonPath';

/** What the table needs of an event: LogEvent and FoundEvent both fit. */
export interface TableEvent {
  readonly timestamp: number;
  readonly message: string;
  readonly ingestionTime?: number;
  readonly logGroupName?: string;
  readonly logStreamName?: string;
}

export type EventColumn =
  | { readonly kind: 'time' }
  | { readonly kind: 'group' }
  | { readonly kind: 'stream' }
  | { readonly kind: 'message' }
  /** A field of JSON messages, e.g. ["http", "status"]. */
  | { readonly kind: 'field'; readonly path: JsonPath };

/** Time, stream and message: the columns of one group's events. */
export const DEFAULT_COLUMNS: readonly EventColumn[] = [{ kind: 'time' }, { kind: 'stream' }, { kind: 'message' }];

/** Time, group, stream and message: events of several groups. */
export const GROUP_COLUMNS: readonly EventColumn[] = [{ kind: 'time' }, { kind: 'group' }, { kind: 'stream' }, { kind: 'message' }];

export function columnId(column: EventColumn): string {
  return column.kind === 'field' ? `field:${JSON.stringify(column.path)}` : column.kind;
}

export function columnTitle(column: EventColumn): string {
  switch (column.kind) {
    case 'time':
      return 'Time';
    case 'group':
      return 'Log group';
    case 'stream':
      return 'Stream';
    case 'message':
      return 'Message';
    case 'field':
      return formatJsonPath(column.path);
  }
}

/** The column's CSS grid track. */
export function columnWidth(column: EventColumn): string {
  switch (column.kind) {
    case 'time':
      return '12.75rem';
    case 'group':
    case 'stream':
      return 'minmax(8rem, 14rem)';
    case 'message':
      return 'minmax(16rem, 1fr)';
    case 'field':
      return 'minmax(6rem, 11rem)';
  }
}

/** `columns` with a column for the JSON field at `path` added before the message, unless it is there. */
export function withFieldColumn(columns: readonly EventColumn[], path: JsonPath): readonly EventColumn[] {
  if (hasFieldColumn(columns, path)) return columns;
  const message = columns.findIndex((column) => column.kind === 'message');
  const field: EventColumn = { kind: 'field', path };
  return message === -1 ? [...columns, field] : [...columns.slice(0, message), field, ...columns.slice(message)];
}

/** Whether the JSON field at `path` already has a column. */
export function hasFieldColumn(columns: readonly EventColumn[], path: JsonPath): boolean {
  return columns.some((column) => column.kind === 'field' && samePath(column.path, path));
}

export function withoutColumn(columns: readonly EventColumn[], removed: EventColumn): readonly EventColumn[] {
  const id = columnId(removed);
  return columns.filter((column) => columnId(column) !== id);
}
