/** Loaded events as rows for `files.saveRows`, in chunks small enough for one call each. */
import type { FoundEvent } from '../../../../../shared/contract';
import { chunksOf as chunksBySize } from '../../../components/save/saveRows';

export { SAVE_CHUNK_BYTES } from '../../../components/save/saveRows';

/** The columns of a saved event, in file order (`text` files hold only `message`). */
export const SAVED_EVENT_COLUMNS = ['time', 'timestamp', 'logGroupName', 'logStreamName', 'message', 'ingestionTime', 'eventId'] as const;

type SavedEventRow = Record<(typeof SAVED_EVENT_COLUMNS)[number], string | number | null>;

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
export function chunksOf(count: number, at: (index: number) => FoundEvent | undefined): Generator<readonly [number, number]> {
  return chunksBySize(count, (index) => at(index)?.message.length ?? 0);
}
