/**
 * The file formats downloads and saved rows are written in. Each turns a batch of records into one
 * string to append, so a file is written a batch at a time and never held whole.
 * - NDJSON: one JSON object per line.
 * - CSV (csv-stringify): a header row, then one row per record; a cell with quotes, commas or line
 *   breaks is quoted, so it stays one field. Cells are written as they are (no formula escaping), so
 *   that a file holds exactly what was logged.
 * - Text: the messages exactly as logged, one per line (a message that ends its own line gets no second
 *   line break).
 */
import { stringify } from 'csv-stringify/sync';
import type { FoundEvent, SaveFormat } from '../../../shared/contract';

export interface Formatter<T> {
  /** What the file starts with (the CSV header row), or ''. */
  readonly header: string;
  format(records: readonly T[]): string;
}

/** The fields of a downloaded event, in the order files hold them. */
export const EVENT_FIELDS = ['timestamp', 'time', 'logGroupName', 'logStreamName', 'eventId', 'ingestionTime', 'message'] as const;

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

const CSV_OPTIONS = { cast: { boolean: (value: boolean) => String(value) } };

export function eventFormatter(format: SaveFormat): Formatter<FoundEvent> {
  switch (format) {
    case 'ndjson':
      return { header: '', format: ndjsonLines };
    case 'csv':
      return {
        header: stringify([[...EVENT_FIELDS]]),
        format: (events) => stringify(events.map((event) => Object.values(eventRecord(event))), CSV_OPTIONS),
      };
    case 'text':
      return { header: '', format: (events) => textLines(events.map((event) => event.message)) };
  }
}

/** Rows of named cells: NDJSON objects and CSV rows hold the columns in the order given; text holds the `message` column, or every column tab-separated. */
export function rowFormatter(format: SaveFormat, columns: readonly string[]): Formatter<Row> {
  const cellsOf = (row: Row) => columns.map((column) => (Object.hasOwn(row, column) ? (row[column] ?? null) : null));
  switch (format) {
    case 'ndjson':
      return {
        header: '',
        format: (rows) => {
          let text = '';
          for (const row of rows) {
            const cells = cellsOf(row);
            text += JSON.stringify(Object.fromEntries(columns.map((column, index) => [column, cells[index]]))) + '\n';
          }
          return text;
        },
      };
    case 'csv':
      return { header: stringify([[...columns]]), format: (rows) => stringify(rows.map(cellsOf), CSV_OPTIONS) };
    case 'text':
      return columns.includes('message')
        ? { header: '', format: (rows) => textLines(rows.map((row) => cellText(Object.hasOwn(row, 'message') ? row.message : null))) }
        : { header: '', format: (rows) => textLines(rows.map((row) => cellsOf(row).map(cellText).join('\t'))) };
  }
}

/**
 * The same text as `JSON.stringify(eventRecord(event))` per line, built by hand: downloads write a
 * million of these, and a record object plus a Date per event cost more than the rest of the download.
 */
function ndjsonLines(events: readonly FoundEvent[]): string {
  let text = '';
  let group: string | undefined;
  let groupJson = '';
  let stream: string | undefined;
  let streamJson = '';
  const iso = new IsoTime();
  for (const event of events) {
    if (event.logGroupName !== group) {
      group = event.logGroupName;
      groupJson = JSON.stringify(group);
    }
    if (event.logStreamName !== stream) {
      stream = event.logStreamName;
      streamJson = JSON.stringify(stream);
    }
    text +=
      `{"timestamp":${event.timestamp},"time":"${iso.of(event.timestamp)}","logGroupName":${groupJson},"logStreamName":${streamJson},` +
      `"eventId":${event.eventId === undefined ? 'null' : JSON.stringify(event.eventId)},"ingestionTime":${event.ingestionTime},` +
      `"message":${JSON.stringify(event.message)}}\n`;
  }
  return text;
}

/** ISO 8601 times of epoch milliseconds, formatting each second once (events come in time order). */
class IsoTime {
  private second = Number.NaN;
  private prefix = '';

  of(timestamp: number): string {
    // Four-digit years only; other times take the slow road.
    if (timestamp < 0 || timestamp > 253_402_300_799_999) return new Date(timestamp).toISOString();
    const second = Math.floor(timestamp / 1000);
    if (second !== this.second) {
      this.second = second;
      this.prefix = new Date(second * 1000).toISOString().slice(0, 20);
    }
    const milliseconds = timestamp - second * 1000;
    return `${this.prefix}${milliseconds < 10 ? '00' : milliseconds < 100 ? '0' : ''}${milliseconds}Z`;
  }
}

/** A downloaded event as a record: the fields of EVENT_FIELDS, in their order. */
export function eventRecord(event: FoundEvent) {
  return {
    timestamp: event.timestamp,
    time: new Date(event.timestamp).toISOString(),
    logGroupName: event.logGroupName,
    logStreamName: event.logStreamName,
    eventId: event.eventId ?? null,
    ingestionTime: event.ingestionTime,
    message: event.message,
  };
}

function textLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) text += line.endsWith('\n') ? line : line + '\n';
  return text;
}

function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}
