/**
 * Pagination tokens. GetLogEvents uses AWS's visible form `f/<56 digits>/s` (forward) and
 * `b/<56 digits>/s` (backward), the digits encoding a position in the stream; the other operations use
 * opaque base64url cursors.
 */
import { decodeCursor as decodeSharedCursor } from '../../core/cursor';
import { invalidNextToken } from './common';
import type { EventKey } from './stream-events';

export type Direction = 'forward' | 'backward';

const TIMESTAMP_DIGITS = 16;
const INGESTION_DIGITS = 16;
const SEQUENCE_DIGITS = 24;
const MAX_TIMESTAMP = 10 ** TIMESTAMP_DIGITS - 1;

export function encodeEventToken(direction: Direction, key: EventKey): string {
  const timestamp = clamp(key.timestamp, 0, MAX_TIMESTAMP);
  // Ingestion times are >= 0; -1 marks "before every event at this timestamp", so shift by one.
  const ingestion = clamp(key.ingestionTime + 1, 0, 10 ** INGESTION_DIGITS - 1);
  const digits =
    String(timestamp).padStart(TIMESTAMP_DIGITS, '0') +
    String(ingestion).padStart(INGESTION_DIGITS, '0') +
    String(key.sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${direction === 'forward' ? 'f' : 'b'}/${digits}/s`;
}

export function decodeEventToken(token: string): { readonly direction: Direction; readonly key: EventKey } {
  const match = /^([fb])\/(\d{16})(\d{16})(\d{24})\/s$/.exec(token);
  if (match === null) throw invalidNextToken();
  const [, direction, timestamp, ingestion, sequence] = match;
  return {
    direction: direction === 'f' ? 'forward' : 'backward',
    key: { timestamp: Number(timestamp), ingestionTime: Number(ingestion) - 1, sequence: Number(sequence) },
  };
}

export { encodeCursor } from '../../core/cursor';

/** Decodes a cursor and checks its shape with `isValid`; anything else is an invalid token. */
export function decodeCursor<T>(token: string, isValid: (value: unknown) => value is T): T {
  return decodeSharedCursor(token, isValid, invalidNextToken);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, Math.trunc(value)));
}
