/**
 * Links into the Logs view from other views: the location hash that opens the stream viewer on one
 * event of a stream (its time, and the start of its message to tell it from others of the same
 * millisecond), which the Logs view reads back with `streamEventOf`; and the hash of a search of one
 * group with a pattern over a time range, which the Logs view runs at once (its search page reads
 * `group`, `pattern` and `range`, as its own searches write them).
 */
import { formatTimeRange } from '../../../../shared/time-range';
import { routeOf } from '../viewRoute';

const ROUTE = '/logs';
/** Enough of the message to tell apart events of the same millisecond, while the hash stays short. */
export const MESSAGE_PREFIX_CHARS = 64;

export interface EventPlace {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  /** The event's message (or its start), when known. */
  readonly message?: string;
}

/** The event a link names; `messagePrefix` is the start of its message, at most MESSAGE_PREFIX_CHARS long. */
export interface StreamEventLink {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly messagePrefix?: string;
}

/** `#/logs?group=…&stream=…&event=2026-11-30T10:00:00.123Z&message=…`: the event in its stream. */
export function streamEventHash(place: EventPlace): string {
  const parameters = new URLSearchParams();
  parameters.set('group', place.logGroupName);
  parameters.set('stream', place.logStreamName);
  // UTC, so a link means the same moment in every time zone.
  parameters.set('event', new Date(place.timestamp).toISOString());
  if (place.message) parameters.set('message', Array.from(place.message).slice(0, MESSAGE_PREFIX_CHARS).join(''));
  return `#${ROUTE}?${parameters.toString()}`;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** The event a Logs view hash names, or undefined when it names none (e.g. it holds a search). */
export function streamEventOf(parameters: URLSearchParams): StreamEventLink | undefined {
  const logGroupName = parameters.get('group');
  const logStreamName = parameters.get('stream');
  const time = parameters.get('event') ?? '';
  const timestamp = ISO_UTC.test(time) ? Date.parse(time) : NaN;
  if (!logGroupName || !logStreamName || !Number.isFinite(timestamp)) return undefined;
  const messagePrefix = parameters.get('message') || undefined;
  return { logGroupName, logStreamName, timestamp, ...(messagePrefix ? { messagePrefix } : {}) };
}

/**
 * Where Back goes from a link followed by a hash change: the view it was followed from, or
 * undefined when the link was opened in the Logs view itself (or on start, with no view before it).
 */
export function linkOriginOf(oldURL: string): string | undefined {
  const hash = oldURL.includes('#') ? oldURL.slice(oldURL.indexOf('#')) : '';
  const route = routeOf(hash);
  return route === '' || route === ROUTE ? undefined : hash;
}

/** Shows the event in its stream: the Logs view follows the hash. */
export function openStreamEvent(place: EventPlace): void {
  window.location.hash = streamEventHash(place);
}

export interface GroupSearchLink {
  readonly logGroupName: string;
  /** A CloudWatch filter pattern; empty for every event. */
  readonly filterPattern: string;
  /** Epoch ms. */
  readonly start: number;
  readonly end: number;
}

/** `#/logs?group=…&pattern=…&range=2026-11-30 10:00 to 2026-11-30 11:00`: the group searched with the pattern over the range. */
export function groupSearchHash(link: GroupSearchLink): string {
  const parameters = new URLSearchParams();
  parameters.set('group', link.logGroupName);
  if (link.filterPattern !== '') parameters.set('pattern', link.filterPattern);
  // Whole minutes around the range (the picker's precision), in UTC so the link means the same moment everywhere.
  const start = Math.floor(link.start / 60_000) * 60_000;
  const end = Math.max(Math.ceil(link.end / 60_000) * 60_000, start + 60_000);
  parameters.set('range', formatTimeRange({ kind: 'absolute', start, end }, 'utc'));
  return `#${ROUTE}?${parameters.toString()}`;
}
