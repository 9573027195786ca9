/**
 * How a search walks its time range: in slices, from the end it starts at, each slice's length adapted
 * to the density of events seen so far, and stopped at a whole millisecond once enough events were found.
 * The cursor records exactly where to go on, so a later search neither skips nor repeats an event.
 */
import { createHash } from 'node:crypto';
import type { EventSelection, FoundEvent } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';

export type SearchFrom = 'newest' | 'oldest';

/** The first slice, when nothing is known of the density yet: one minute. */
export const INITIAL_SLICE_MS = 60_000;
/** Slices aim at about this many events (fewer when fewer are wanted). */
export const SLICE_TARGET_EVENTS = 5_000;
/** A slice never grows or shrinks by more than this factor at once. */
const MAX_FACTOR = 8;

/** The range still to search, as [startTime, endTime], both included. */
export interface Range {
  readonly startTime: number;
  readonly endTime: number;
}

/** The next slice of `range` from the end the search reads from. */
export function sliceOf(range: Range, from: SearchFrom, length: number): Range {
  return from === 'newest'
    ? { startTime: Math.max(range.startTime, range.endTime - length + 1), endTime: range.endTime }
    : { startTime: range.startTime, endTime: Math.min(range.endTime, range.startTime + length - 1) };
}

/** What is left of `range` once `slice` (taken from the `from` end) is searched; undefined when nothing. */
export function rangeAfter(range: Range, from: SearchFrom, slice: Range): Range | undefined {
  const rest = from === 'newest' ? { startTime: range.startTime, endTime: slice.startTime - 1 } : { startTime: slice.endTime + 1, endTime: range.endTime };
  return rest.startTime <= rest.endTime ? rest : undefined;
}

/** How many events a slice should aim at, for a search that still wants `remaining`. */
export function sliceTarget(remaining: number): number {
  return Math.max(1, Math.min(SLICE_TARGET_EVENTS, remaining));
}

/** The next slice's length, from how many events the last one (of `length` ms) held. */
export function nextSliceLength(length: number, found: number, target: number): number {
  const factor = found === 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, target / found));
  return Math.max(1, Math.round(length * factor));
}

/**
 * Keeps the `wanted` events nearest the end the search reads from (events sorted oldest first), and the
 * rest of their millisecond: a millisecond is never split between two batches, so the search can go on
 * from the next one. Returns the events to deliver and the first time not delivered yet.
 */
export function cutAtMillisecond(events: readonly FoundEvent[], wanted: number, from: SearchFrom): { events: FoundEvent[]; resumeAt: number } {
  if (from === 'newest') {
    const boundary = (events[events.length - wanted] as FoundEvent).timestamp;
    return { events: events.filter((event) => event.timestamp >= boundary), resumeAt: boundary - 1 };
  }
  const boundary = (events[wanted - 1] as FoundEvent).timestamp;
  return { events: events.filter((event) => event.timestamp <= boundary), resumeAt: boundary + 1 };
}

/** Where a search stopped: the time to go on from (the new end when reading from the newest end, the new start otherwise). */
export interface SearchCursor {
  readonly from: SearchFrom;
  readonly resumeAt: number;
  readonly sliceLength: number;
  /** Which search the cursor belongs to (its groups, streams and pattern). */
  readonly search: string;
}

export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor })).toString('base64url');
}

export function decodeCursor(text: string, from: SearchFrom, selection: EventSelection): SearchCursor {
  const refused = () => apiError('InvalidInput', 'The cursor does not belong to this search. Start the search again from its beginning.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const cursor = value as Partial<SearchCursor> & { v?: unknown };
  if (
    cursor?.v !== 1 ||
    cursor.from !== from ||
    cursor.search !== searchIdentity(selection) ||
    !Number.isSafeInteger(cursor.resumeAt) ||
    !Number.isSafeInteger(cursor.sliceLength) ||
    (cursor.sliceLength ?? 0) < 1
  ) {
    throw refused();
  }
  return cursor as SearchCursor;
}

/** A short fingerprint of what a search looks for (not its time range, which the caller may move). */
export function searchIdentity(selection: EventSelection): string {
  const { logGroupNames, logGroupPattern, logStreamNames, logStreamNamePrefix, filterPattern } = selection;
  const identity = JSON.stringify([logGroupNames ?? null, logGroupPattern ?? null, logStreamNames ?? null, logStreamNamePrefix ?? null, filterPattern ?? '']);
  return createHash('sha256').update(identity).digest('base64url').slice(0, 16);
}
