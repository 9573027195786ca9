import { matchesFilterPattern, parseFilterPattern } from '../../../../shared/languages/filter-pattern';
import { EVENTS_PAGE_LIMIT, EVENTS_PAGE_MAX_BYTES, FILTER_MAX_STREAM_NAMES, FILTER_PATTERN_MAX_LENGTH, LOG_STREAM_NAME, PUT_EVENT_OVERHEAD_BYTES } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { partitionPoint } from '../../../core/sorted';
import { invalidParameter, readGroupReference, readLogsInput, resolveGroupReference } from '../common';
import { MergedEvents, type MergedPosition } from '../merge';
import type { LogGroup, LogStream } from '../store';
import type { StoredEvent } from '../stream-events';
import { decodeCursor, encodeCursor } from '../tokens';

/**
 * How many events one call examines at most. Like AWS, a page may then come back partly full or empty
 * with a `nextToken`: a rare pattern over millions of events costs many cheap calls (about 15 ms each at
 * this budget), never one that stalls.
 */
export const FILTER_SCAN_BUDGET = 100_000;

/**
 * Searches a group's streams (all, a list, or a name prefix) for events in [startTime, endTime] that match
 * the filter pattern, interleaved across streams in time order. The `nextToken` marks the last event
 * examined; it is absent once the search is complete.
 */
export function filterLogEvents(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const reference = readGroupReference(input);
  const streamNames = input.stringList('logStreamNames', { minItems: 1, maxItems: FILTER_MAX_STREAM_NAMES, item: LOG_STREAM_NAME });
  const prefix = input.string('logStreamNamePrefix', LOG_STREAM_NAME);
  const startTime = input.long('startTime', { min: 0 });
  const endTime = input.long('endTime', { min: 0 });
  const patternText = input.string('filterPattern', { min: 0, max: FILTER_PATTERN_MAX_LENGTH }) ?? '';
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: EVENTS_PAGE_LIMIT }) ?? EVENTS_PAGE_LIMIT;
  input.boolean('interleaved');
  input.boolean('unmask');
  input.finish();

  const group = resolveGroupReference(context, reference);
  if (streamNames !== undefined && prefix !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  }
  const parsed = parseFilterPattern(patternText);
  if (!parsed.ok) throw invalidParameter(`Invalid filter pattern: ${parsed.error.message}`);
  const after = nextToken === undefined ? undefined : decodeCursor(nextToken, isMergedPosition);

  const merged = new MergedEvents(selectStreams(group, streamNames, prefix), startTime, endTime, after);
  const { pattern } = parsed;
  const matchesAll = pattern.kind === 'all';
  const page: object[] = [];
  let bytes = 0;
  let examined = 0;
  let lastStream: LogStream | undefined;
  let lastEvent: StoredEvent | undefined;
  while (!merged.done && examined < FILTER_SCAN_BUDGET) {
    const event = merged.event as StoredEvent;
    const stream = merged.stream as LogStream;
    if (matchesAll || matchesFilterPattern(pattern, event.message)) {
      const cost = event.size + PUT_EVENT_OVERHEAD_BYTES;
      if (page.length === limit || (page.length > 0 && bytes + cost > EVENTS_PAGE_MAX_BYTES)) break;
      page.push({
        logStreamName: stream.name,
        timestamp: event.timestamp,
        message: event.message,
        ingestionTime: event.ingestionTime,
        eventId: eventId(stream, event.timestamp, event.sequence),
      });
      bytes += cost;
    }
    lastStream = stream;
    lastEvent = event;
    examined++;
    merged.advance();
  }

  const next: MergedPosition | undefined =
    merged.done || lastStream === undefined || lastEvent === undefined
      ? undefined
      : { timestamp: lastEvent.timestamp, ingestionTime: lastEvent.ingestionTime, stream: lastStream.name, sequence: lastEvent.sequence };
  return {
    events: page,
    // Deprecated by AWS in 2020; always empty.
    searchedLogStreams: [],
    ...(next === undefined ? {} : { nextToken: encodeCursor(next) }),
  };
}

function selectStreams(group: LogGroup, names: readonly string[] | undefined, prefix: string | undefined): LogStream[] {
  if (names !== undefined) {
    return [...new Set(names)].map((name) => group.stream(name)).filter((stream) => stream !== undefined);
  }
  const all = group.streamNames();
  const from = prefix === undefined ? 0 : group.streamIndexOf(prefix);
  const to = prefix === undefined ? all.length : partitionPoint(all, (name) => name < prefix || name.startsWith(prefix), from);
  return all.slice(from, to).map((name) => group.stream(name) as LogStream);
}

/** A 56-digit ID like AWS's, unique within the region: timestamp, stream serial, sequence. */
function eventId(stream: LogStream, timestamp: number, sequence: number): string {
  return String(timestamp).padStart(16, '0') + String(stream.serial).padStart(16, '0') + String(sequence).padStart(24, '0');
}

function isMergedPosition(value: unknown): value is MergedPosition {
  if (typeof value !== 'object' || value === null) return false;
  const position = value as Record<string, unknown>;
  return (
    Number.isInteger(position.timestamp) &&
    Number.isInteger(position.ingestionTime) &&
    typeof position.stream === 'string' &&
    Number.isInteger(position.sequence)
  );
}
