/** Events as text for the clipboard: one line per event, as the table shows them, fields separated by tabs. */
import { formatTimestamp, type TimeZoneMode } from '../../../../shared/format';
import type { EventColumn, TableEvent } from './columns';

/** More lines than this are not put on the clipboard: a download suits them better. */
export const MAX_COPY_LINES = 100_000;

export function eventLines(events: readonly TableEvent[], columns: readonly EventColumn[], zone: TimeZoneMode): string {
  const withGroup = columns.some((column) => column.kind === 'group');
  const withStream = columns.some((column) => column.kind === 'stream');
  return events
    .map((event) => {
      const fields = [formatTimestamp(event.timestamp, zone)];
      if (withGroup) fields.push(event.logGroupName ?? '');
      if (withStream) fields.push(event.logStreamName ?? '');
      // A message's own line breaks stay: they are part of what was logged.
      fields.push(event.message.replace(/\r?\n$/, ''));
      return fields.join('\t');
    })
    .join('\n');
}
