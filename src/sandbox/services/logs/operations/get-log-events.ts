import { EVENTS_PAGE_LIMIT, EVENTS_PAGE_MAX_BYTES, LOG_STREAM_NAME, PUT_EVENT_OVERHEAD_BYTES } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { logStreamNotFound, readGroupReference, readLogsInput, resolveGroupReference } from '../common';
import { keyAfter, keyAtTime, type EventKey, type StoredEvent, type StreamEvents } from '../stream-events';
import { decodeEventToken, encodeEventToken, type Direction } from '../tokens';

/**
 * Reads one page of a stream within [startTime, endTime): from the head (`startFromHead`), from the tail
 * (the default), or from where a previous `f/…` or `b/…` token left off. Pages hold at most `limit`
 * events and about 1 MB. A page that finds nothing returns the token it was given, which is how callers
 * know they reached the end.
 */
export function getLogEvents(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const reference = readGroupReference(input);
  const streamName = input.string('logStreamName', { ...LOG_STREAM_NAME, required: true });
  const startTime = input.long('startTime', { min: 0 });
  const endTime = input.long('endTime', { min: 0 });
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: EVENTS_PAGE_LIMIT }) ?? EVENTS_PAGE_LIMIT;
  const startFromHead = input.boolean('startFromHead') ?? false;
  input.boolean('unmask');
  input.finish();

  const group = resolveGroupReference(context, reference);
  const stream = streamName === undefined ? undefined : group.stream(streamName);
  if (stream === undefined) throw logStreamNotFound();
  const token = nextToken === undefined ? undefined : decodeEventToken(nextToken);

  const events = stream.events;
  const rangeStart = startTime === undefined ? 0 : events.indexOfTime(startTime);
  const rangeEnd = Math.max(rangeStart, endTime === undefined ? events.length : events.indexOfTime(endTime));
  const direction: Direction = token?.direction ?? (startFromHead ? 'forward' : 'backward');

  let first: number;
  let end: number;
  if (direction === 'forward') {
    first = Math.max(rangeStart, token === undefined ? rangeStart : events.indexOfKey(token.key));
    end = first + countFitting(events, first, rangeEnd, 1, limit);
  } else {
    end = Math.min(rangeEnd, token === undefined ? rangeEnd : events.indexOfKey(token.key));
    first = end - countFitting(events, end - 1, rangeStart - 1, -1, limit);
  }

  const page: StoredEvent[] = [];
  for (let index = first; index < end; index++) page.push(events.at(index) as StoredEvent);
  const oldest = page[0];
  const newest = page[page.length - 1];
  let forwardToken: string;
  let backwardToken: string;
  if (oldest !== undefined && newest !== undefined) {
    forwardToken = encodeEventToken('forward', keyAfter(newest));
    backwardToken = encodeEventToken('backward', oldest);
  } else {
    // Tokens encode their position exactly, so an empty page hands back the very token it was given.
    const boundary = token?.key ?? positionKey(events, direction === 'forward' ? first : end, startTime);
    forwardToken = encodeEventToken('forward', boundary);
    backwardToken = encodeEventToken('backward', boundary);
  }
  return {
    events: page.map((event) => ({ timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime })),
    nextForwardToken: forwardToken,
    nextBackwardToken: backwardToken,
  };
}

/** How many events from `from` towards `stop` (exclusive) fit in a page, at least one when any exist. */
function countFitting(events: StreamEvents, from: number, stop: number, step: 1 | -1, limit: number): number {
  let count = 0;
  let bytes = 0;
  for (let index = from; (step === 1 ? index < stop : index > stop) && count < limit; index += step) {
    const cost = (events.at(index) as StoredEvent).size + PUT_EVENT_OVERHEAD_BYTES;
    if (count > 0 && bytes + cost > EVENTS_PAGE_MAX_BYTES) break;
    bytes += cost;
    count++;
  }
  return count;
}

/** The position just before the event at `index`, or just after the last event when past the end. */
function positionKey(events: StreamEvents, index: number, startTime: number | undefined): EventKey {
  const event = events.at(index);
  if (event !== undefined) return event;
  const last = events.at(events.length - 1);
  return last === undefined ? keyAtTime(startTime ?? 0) : keyAfter(last);
}
