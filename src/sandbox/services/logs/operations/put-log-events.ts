import { LOG_GROUP_NAME, LOG_STREAM_NAME, PUT_BATCH_MAX_BYTES, PUT_BATCH_MAX_EVENTS, PUT_BATCH_MAX_SPAN_MS, PUT_EVENT_MAX_AGE_MS, PUT_EVENT_MAX_BYTES, PUT_EVENT_MAX_FUTURE_MS, PUT_EVENT_OVERHEAD_BYTES } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { invalidParameter, logStreamNotFound, readLogsInput, requireGroup } from '../common';
import type { IncomingEvent } from '../store';
import { sequenceToken } from '../views';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Validates a batch as AWS does (count, sizes, chronological order, 24-hour span of the acceptable events),
 * stores the events that are neither too old, expired by retention, nor too new, and reports the others in
 * `rejectedLogEventsInfo`. The sequence token is ignored, as AWS now does.
 */
export function putLogEvents(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const streamName = input.string('logStreamName', { ...LOG_STREAM_NAME, required: true });
  const items = input.structureList('logEvents', { required: true, minItems: 1, maxItems: PUT_BATCH_MAX_EVENTS }) ?? [];
  input.string('sequenceToken', { min: 1 });
  const events: IncomingEvent[] = items.map((item) => {
    const timestamp = item.long('timestamp', { required: true, min: 0 }) ?? 0;
    const message = item.string('message', { required: true, min: 1 }) ?? '';
    return { timestamp, message, size: Buffer.byteLength(message, 'utf8') };
  });
  input.finish();

  const group = requireGroup(context, groupName);
  const stream = streamName === undefined ? undefined : group.stream(streamName);
  if (stream === undefined) throw logStreamNotFound();

  checkBatchSize(events);
  for (let index = 1; index < events.length; index++) {
    if ((events[index] as IncomingEvent).timestamp < (events[index - 1] as IncomingEvent).timestamp) {
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }

  // Sorted batch: rejected events form a prefix (too old / expired) and a suffix (too new).
  const tooOldBefore = context.now - PUT_EVENT_MAX_AGE_MS;
  const expiredBefore = group.retentionInDays === undefined ? undefined : context.now - group.retentionInDays * DAY_MS;
  const tooNewAfter = context.now + PUT_EVENT_MAX_FUTURE_MS;
  const tooOldEnd = countLeading(events, (event) => event.timestamp < tooOldBefore);
  const expiredEnd = expiredBefore === undefined ? 0 : countLeading(events, (event) => event.timestamp < expiredBefore);
  const tooNewStart = events.length - countTrailing(events, (event) => event.timestamp > tooNewAfter);
  const acceptedStart = Math.max(tooOldEnd, expiredEnd);
  const accepted = events.slice(acceptedStart, Math.max(acceptedStart, tooNewStart));

  const first = accepted[0];
  const last = accepted[accepted.length - 1];
  if (first !== undefined && last !== undefined && last.timestamp - first.timestamp > PUT_BATCH_MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }

  group.ingest(stream, accepted, () => context.now);
  const rejected: Record<string, number> = {};
  if (tooNewStart < events.length) rejected.tooNewLogEventStartIndex = tooNewStart;
  if (tooOldEnd > 0) rejected.tooOldLogEventEndIndex = tooOldEnd;
  if (expiredEnd > 0) rejected.expiredLogEventEndIndex = expiredEnd;
  return {
    nextSequenceToken: sequenceToken(stream),
    ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
  };
}

function checkBatchSize(events: readonly IncomingEvent[]): void {
  let total = 0;
  for (const event of events) {
    const eventBytes = event.size + PUT_EVENT_OVERHEAD_BYTES;
    if (eventBytes > PUT_EVENT_MAX_BYTES) {
      throw invalidParameter(`Log event too large: ${eventBytes} bytes exceeds limit of ${PUT_EVENT_MAX_BYTES}`);
    }
    total += eventBytes;
  }
  if (total > PUT_BATCH_MAX_BYTES) {
    throw invalidParameter(`Upload too large: ${total} bytes exceeds limit of ${PUT_BATCH_MAX_BYTES}`);
  }
}

function countLeading<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let count = 0;
  while (count < items.length && predicate(items[count] as T)) count++;
  return count;
}

function countTrailing<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let count = 0;
  while (count < items.length && predicate(items[items.length - 1 - count] as T)) count++;
  return count;
}
