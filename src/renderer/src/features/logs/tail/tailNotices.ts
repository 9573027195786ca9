/**
 * What a tail must tell the reader about events it is not showing — AWS sent a sample, the oldest were
 * dropped to stay within the memory cap, more arrive than the table can keep — and the limits AWS puts
 * on Live Tail sessions, in sentences.
 */
import {
  LIVE_TAIL_MAX_EVENTS_PER_UPDATE,
  LIVE_TAIL_MAX_LOG_GROUPS,
  LIVE_TAIL_SESSION_MS,
  LIVE_TAIL_UPDATE_INTERVAL_MS,
} from '../../../../../shared/contract/logs-rules';
import { formatCount, plural, type TimeZoneMode } from '../../../../../shared/format';
import type { TailFeedSnapshot } from './tailFeed';
import { timeOfDay, type TailMode } from './tailSession';

/** Above this many matching events a second, Live Tail sends a sample. */
export const LIVE_TAIL_SAMPLING_RATE = (LIVE_TAIL_MAX_EVENTS_PER_UPDATE * 1000) / LIVE_TAIL_UPDATE_INTERVAL_MS;
/** AWS sends an update a second: a sample within this long ago means it is still sampling. */
const STILL_SAMPLING_MS = 3 * LIVE_TAIL_UPDATE_INTERVAL_MS;
/**
 * When the events the table keeps cover less than this at the current rate, they pass faster than
 * the table can keep them: the reader can no longer scroll back over the last few minutes.
 */
export const MIN_KEPT_SECONDS = 120;

export type TailNoticeKind = 'sampled' | 'dropped' | 'too-fast';

export interface TailNotice {
  readonly kind: TailNoticeKind;
  /** A few words that change only when the situation does, for screen readers (the text changes with every count). */
  readonly headline: string;
  readonly text: string;
}

export interface TailNoticeInput {
  readonly feed: TailFeedSnapshot;
  /** Events in memory now: in the table and waiting. */
  readonly kept: number;
  readonly ratePerSecond: number;
  readonly now: number;
  readonly zone: TimeZoneMode;
}

export function tailNotices({ feed, kept, ratePerSecond, now, zone }: TailNoticeInput): TailNotice[] {
  const notices: TailNotice[] = [];
  const narrow = 'Narrow the filter pattern to see every event.';
  if (feed.sampling) {
    const { first, last } = feed.sampling;
    const when = first === last ? `at ${timeOfDay(first, zone)}` : `from ${timeOfDay(first, zone)} to ${timeOfDay(last, zone)}`;
    const current = now - last <= STILL_SAMPLING_MS;
    notices.push({
      kind: 'sampled',
      headline: current ? 'AWS is sending a sample of the matching events.' : 'AWS sent a sample of the matching events earlier.',
      text: current
          ? `AWS is sending a sample: more than ${formatCount(LIVE_TAIL_SAMPLING_RATE)} events a second match. ${narrow}`
          : `AWS sent a sample ${when}: more than ${formatCount(LIVE_TAIL_SAMPLING_RATE)} events a second matched, so some are not shown. ${narrow}`,
    });
  }
  if (ratePerSecond > 0 && feed.cap / ratePerSecond < MIN_KEPT_SECONDS) {
    notices.push({
      kind: 'too-fast',
      headline: 'Events arrive faster than the table can keep them.',
      text:
        `About ${plural(Math.round(ratePerSecond), 'event')} a second: more than the table can keep. The newest ` +
        `${formatCount(feed.cap)} cover only the last ${plural(Math.floor(feed.cap / ratePerSecond), 'second')}. ` +
        'Pause to read, or narrow the filter pattern.',
    });
  }
  if (feed.dropped > 0) {
    notices.push({
      kind: 'dropped',
      headline: 'The oldest events are dropped to stay within memory.',
      text:
        `The oldest ${plural(feed.dropped, 'event')} ${feed.dropped === 1 ? 'was' : 'were'} dropped to keep at most ${formatCount(feed.cap)} in memory. ` +
        `“Save loaded…” saves the ${formatCount(kept)} kept; a download of the time range keeps every event.`,
    });
  }
  return notices;
}

/** AWS's limits on the tail, for a short note under the table. */
export function limitsNote(mode: TailMode | undefined): string {
  if (mode === 'polling') {
    return 'Polling asks FilterLogEvents once a second for each log group (or stream prefix); the calls count against its quota. AWS’s Live Tail limits do not apply.';
  }
  const hours = LIVE_TAIL_SESSION_MS / 3_600_000;
  return (
    `Live Tail covers up to ${LIVE_TAIL_MAX_LOG_GROUPS} log groups per session. AWS ends a session after ${plural(hours, 'hour')}; ` +
    `a new one continues here without a gap. Above ${formatCount(LIVE_TAIL_SAMPLING_RATE)} matching events a second, AWS sends a sample.`
  );
}
