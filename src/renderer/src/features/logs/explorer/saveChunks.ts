/** Loaded events as rows for `files.saveRows`, in chunks small enough for one call each. */
import { SAVE_ROWS_PER_CALL } from '../../../../../shared/contract/files';
import type { FoundEvent } from '../../../../../shared/contract';

/** The columns of a saved event, in file order (`text` files hold only `message`). */
export const SAVED_EVENT_COLUMNS = ['time', 'timestamp', 'logGroupName', 'logStreamName', 'message', 'ingestionTime', 'eventId'] as const;

type SavedEventRow = Record<(typeof SAVED_EVENT_COLUMNS)[number], string | number | null>;

/** A call stays around this many bytes of message text, whatever the size of the events. */
export const SAVE_CHUNK_BYTES = 4 * 1_048_576;

export function savedRow(event: FoundEvent): SavedEventRow {
  return {
    time: new Date(event.timestamp).toISOString(),
    timestamp: event.timestamp,
    logGroupName: event.logGroupName,
    logStreamName: event.logStreamName,
    message: event.message,
    ingestionTime: event.ingestionTime,
    eventId: event.eventId ?? null,
  };
}

/** Splits `count` events, read with `at`, into [from, to) chunks by row count and message size. */
export function* chunksOf(count: number, at: (index: number) => FoundEvent | undefined): Generator<readonly [number, number]> {
  let from = 0;
  while (from < count) {
    let to = from;
    let bytes = 0;
    while (to < count && to - from < SAVE_ROWS_PER_CALL && (to === from || bytes < SAVE_CHUNK_BYTES)) {
      bytes += at(to)?.message.length ?? 0;
      to += 1;
    }
    yield [from, to];
    from = to;
  }
}
