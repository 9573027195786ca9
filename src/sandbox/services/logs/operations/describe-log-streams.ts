import { DESCRIBE_PAGE_LIMIT, LOG_STREAM_NAME } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { partitionPoint } from '../../../core/sorted';
import { invalidNextToken, invalidParameter, readGroupReference, readLogsInput, resolveGroupReference } from '../common';
import type { LogGroup, LogStream } from '../store';
import { decodeCursor, encodeCursor } from '../tokens';
import { describeLogStream } from '../views';

type Order = 'LogStreamName' | 'LastEventTime';

interface StreamCursor {
  readonly orderBy: Order;
  readonly descending: boolean;
  /** Name of the last stream returned… */
  readonly name: string;
  /** …and, when ordering by time, its last event time (or null without events). */
  readonly lastEventTimestamp: number | null;
}

/** Lists a group's streams by name (from the sorted name index) or by last event time (from a cached order). */
export function describeLogStreams(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const reference = readGroupReference(input);
  const prefix = input.string('logStreamNamePrefix', LOG_STREAM_NAME);
  const orderBy = (input.string('orderBy', { oneOf: ['LogStreamName', 'LastEventTime'] }) ?? 'LogStreamName') as Order;
  const descending = input.boolean('descending') ?? false;
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: DESCRIBE_PAGE_LIMIT }) ?? DESCRIBE_PAGE_LIMIT;
  input.finish();

  const group = resolveGroupReference(context, reference);
  if (orderBy === 'LastEventTime' && prefix !== undefined) {
    throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  const cursor = nextToken === undefined ? undefined : decodeCursor(nextToken, isStreamCursor);
  if (cursor !== undefined && (cursor.orderBy !== orderBy || cursor.descending !== descending)) throw invalidNextToken();

  const { page, hasMore } =
    orderBy === 'LogStreamName' ? pageByName(group, prefix, descending, cursor, limit) : pageByTime(group, descending, cursor, limit);
  const last = page[page.length - 1];
  const next: StreamCursor | undefined =
    hasMore && last !== undefined
      ? { orderBy, descending, name: last.name, lastEventTimestamp: last.lastEventTimestamp ?? null }
      : undefined;
  return { logStreams: page.map(describeLogStream), ...(next === undefined ? {} : { nextToken: encodeCursor(next) }) };
}

interface Page {
  readonly page: LogStream[];
  readonly hasMore: boolean;
}

function pageByName(group: LogGroup, prefix: string | undefined, descending: boolean, cursor: StreamCursor | undefined, limit: number): Page {
  const names = group.streamNames();
  const inRange = (name: string): boolean => prefix === undefined || name.startsWith(prefix);
  let index: number;
  if (!descending) {
    index = cursor === undefined ? 0 : group.streamIndexAfter(cursor.name);
    if (prefix !== undefined) index = Math.max(index, group.streamIndexOf(prefix));
  } else {
    const endOfRange = prefix === undefined ? names.length : partitionPoint(names, (name) => name < prefix || name.startsWith(prefix));
    index = (cursor === undefined ? endOfRange : Math.min(endOfRange, group.streamIndexOf(cursor.name))) - 1;
  }
  return collect(index, descending ? -1 : 1, names.length, limit, (i) => {
    const name = names[i] as string;
    return inRange(name) ? group.stream(name) : null;
  });
}

function pageByTime(group: LogGroup, descending: boolean, cursor: StreamCursor | undefined, limit: number): Page {
  const streams = group.streamsByLastEventTime();
  let index: number;
  if (cursor === undefined) {
    index = descending ? streams.length - 1 : 0;
  } else {
    const cursorTime = cursor.lastEventTimestamp ?? Number.MIN_SAFE_INTEGER;
    const isBeforeCursor = (stream: LogStream): boolean => {
      const time = stream.lastEventTimestamp ?? Number.MIN_SAFE_INTEGER;
      return time < cursorTime || (time === cursorTime && stream.name < cursor.name);
    };
    const cursorIndex = partitionPoint(streams, isBeforeCursor);
    const found = streams[cursorIndex];
    const atCursor = found !== undefined && found.name === cursor.name && (found.lastEventTimestamp ?? null) === cursor.lastEventTimestamp;
    index = descending ? cursorIndex - 1 : cursorIndex + (atCursor ? 1 : 0);
  }
  return collect(index, descending ? -1 : 1, streams.length, limit, (i) => streams[i]);
}

/**
 * Walks from `start` in `step` direction, collecting up to `limit` streams; `at` returns undefined to
 * skip an entry and null to stop.
 */
function collect(start: number, step: 1 | -1, length: number, limit: number, at: (index: number) => LogStream | undefined | null): Page {
  const page: LogStream[] = [];
  for (let index = start; index >= 0 && index < length; index += step) {
    const stream = at(index);
    if (stream === null) break;
    if (stream === undefined) continue;
    if (page.length === limit) return { page, hasMore: true };
    page.push(stream);
  }
  return { page, hasMore: false };
}

function isStreamCursor(value: unknown): value is StreamCursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  return (
    (cursor.orderBy === 'LogStreamName' || cursor.orderBy === 'LastEventTime') &&
    typeof cursor.descending === 'boolean' &&
    typeof cursor.name === 'string' &&
    (cursor.lastEventTimestamp === null || typeof cursor.lastEventTimestamp === 'number')
  );
}
