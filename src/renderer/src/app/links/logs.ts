/**
 * Links into the Logs view from other views: the location hash that opens a search of one stream
 * around an event's time, which the Logs view reads (features/logs/search/searchState.ts `fromParameters`).
 */
import { formatTimeRange } from '../../../../shared/time-range';

/** How much of the stream before and after the event the link shows. */
export const CONTEXT_MARGIN_MS = 2 * 60_000;

export interface EventPlace {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
}

/** `#/logs?group=…&stream=…&range=…`: the event's stream from a little before it to a little after. */
export function streamContextHash(place: EventPlace, marginMs = CONTEXT_MARGIN_MS): string {
  const parameters = new URLSearchParams();
  parameters.append('group', place.logGroupName);
  parameters.append('stream', place.logStreamName);
  // The Logs view reads ranges in the hash as UTC.
  parameters.set('range', formatTimeRange({ kind: 'absolute', start: place.timestamp - marginMs, end: place.timestamp + marginMs }, 'utc'));
  return `#/logs?${parameters.toString()}`;
}

/** Shows the event in its stream: the Logs view follows the hash. */
export function openStreamContext(place: EventPlace): void {
  window.location.hash = streamContextHash(place);
}
