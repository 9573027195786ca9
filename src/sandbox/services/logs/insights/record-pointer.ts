/**
 * `@ptr`: an opaque pointer to one log event, which GetLogRecord reads back. It names the group, the
 * stream and the event's key in the stream (timestamp, ingestion time, sequence).
 */
import type { EventKey } from '../stream-events';
import type { EventOrigin } from './row';

export interface RecordPointer {
  readonly group: string;
  readonly stream: string;
  readonly key: EventKey;
}

export function encodeRecordPointer(origin: EventOrigin): string {
  const { event } = origin;
  return Buffer.from(JSON.stringify([origin.group.name, origin.stream.name, event.timestamp, event.ingestionTime, event.sequence]), 'utf8').toString('base64url');
}

export function decodeRecordPointer(pointer: string): RecordPointer | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(pointer, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return undefined;
  const [group, stream, timestamp, ingestionTime, sequence] = parsed as unknown[];
  if (typeof group !== 'string' || typeof stream !== 'string') return undefined;
  if (![timestamp, ingestionTime, sequence].every((n) => typeof n === 'number' && Number.isInteger(n))) return undefined;
  return { group, stream, key: { timestamp: timestamp as number, ingestionTime: ingestionTime as number, sequence: sequence as number } };
}
