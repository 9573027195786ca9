/**
 * A live tail over AWS's StartLiveTail, renewed whenever AWS ends the session (SessionTimeoutException
 * after 3 hours) or the connection drops. A new session only streams events ingested after it starts,
 * so once it has started, the moments in between are caught up with FilterLogEvents from a little
 * before the old session ended; what both deliver is dropped the second time (see SeenEvents).
 */
import type { LiveTailSessionLogEvent, StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import type { FoundEvent, TailUpdate } from '../../../shared/contract';
import { sleep } from '../sleep';
import { SeenEvents } from './seen-events';

export type LiveTailStream = AsyncIterable<StartLiveTailResponseStream>;

export interface LiveTailOptions {
  /** Starts a session (StartLiveTail); resolves with its event stream once AWS accepted it. */
  readonly open: (signal: AbortSignal) => Promise<LiveTailStream>;
  /** The events (oldest first) with a timestamp from `startTime` on, to cover the gap between two sessions. */
  readonly catchUp: (startTime: number, signal: AbortSignal) => Promise<FoundEvent[]>;
  readonly signal: AbortSignal;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** How far before the old session's end the catch-up starts: events arrive a little after they happen. */
export const RENEWAL_OVERLAP_MS = 30_000;
/** Delivered events are remembered this long (by timestamp, behind the newest) to drop repeats. */
const REMEMBER_MS = 10 * 60_000;
/** A session that cannot be started again this many times in a row ends the tail with the error. */
const MAX_FAILED_OPENS = 8;
const MAX_BACKOFF_MS = 30_000;

/** Errors after which a new session would fail the same way. */
const FINAL_ERRORS = new Set([
  'AccessDeniedException',
  'ResourceNotFoundException',
  'InvalidParameterException',
  'InvalidOperationException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
]);

export async function* liveTailUpdates(first: LiveTailStream, options: LiveTailOptions): AsyncGenerator<TailUpdate> {
  const { signal } = options;
  const now = options.now ?? Date.now;
  const seen = new SeenEvents();
  let stream = first;
  let renewal: { reason: string; endedAt: number } | undefined;
  let newest = Number.NEGATIVE_INFINITY;

  for (;;) {
    let reason = 'the connection to AWS ended';
    try {
      for await (const item of stream) {
        if (item.sessionStart !== undefined && renewal !== undefined) {
          const missed = seen.fresh(await options.catchUp(renewal.endedAt - RENEWAL_OVERLAP_MS, signal));
          for (const event of missed) newest = Math.max(newest, event.timestamp);
          if (missed.length > 0) yield { type: 'events', events: missed, sampled: false };
          yield { type: 'renewed', at: now(), reason: renewal.reason };
          renewal = undefined;
        } else if (item.sessionUpdate !== undefined) {
          const events = seen.fresh((item.sessionUpdate.sessionResults ?? []).map(toFoundEvent));
          for (const event of events) newest = Math.max(newest, event.timestamp);
          seen.forgetBefore(newest - REMEMBER_MS);
          if (events.length > 0) yield { type: 'events', events, sampled: item.sessionUpdate.sessionMetadata?.sampled ?? false };
        } else if (item.SessionTimeoutException !== undefined || item.SessionStreamingException !== undefined) {
          reason = endReason(item.SessionTimeoutException !== undefined ? 'SessionTimeoutException' : 'SessionStreamingException');
          break;
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      if (isFinal(error)) throw error;
      reason = endReason(errorName(error));
    }
    if (signal.aborted) return;
    renewal = { reason, endedAt: renewal?.endedAt ?? now() };
    stream = await reopen(options);
  }
}

/** Starts a new session, waiting longer after each failure; gives up after a few, or at once on a final error. */
async function reopen(options: LiveTailOptions): Promise<LiveTailStream> {
  const wait = options.sleep ?? sleep;
  for (let failures = 0; ; failures++) {
    try {
      return await options.open(options.signal);
    } catch (error) {
      if (options.signal.aborted || isFinal(error) || failures + 1 >= MAX_FAILED_OPENS) throw error;
      await wait(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures), options.signal);
    }
  }
}

function endReason(name: string | undefined): string {
  switch (name) {
    case 'SessionTimeoutException':
      return 'AWS ends Live Tail sessions after 3 hours';
    case 'SessionStreamingException':
      return 'AWS interrupted the Live Tail stream';
    default:
      return 'the connection to AWS dropped';
  }
}

function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function isFinal(error: unknown): boolean {
  const name = errorName(error);
  return name !== undefined && FINAL_ERRORS.has(name);
}

/**
 * Live Tail names an event's group as `<account id>:<name>`, and may name it by its ARN or name; group
 * names cannot hold ':', so the name is what follows the last one.
 */
export function groupNameOf(identifier: string): string {
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:([^:]+)(?::\*)?$/.exec(identifier);
  if (arn?.[1] !== undefined) return arn[1];
  return identifier.slice(identifier.lastIndexOf(':') + 1);
}

function toFoundEvent(event: LiveTailSessionLogEvent): FoundEvent {
  return {
    timestamp: event.timestamp ?? 0,
    ingestionTime: event.ingestionTime ?? 0,
    message: event.message ?? '',
    logGroupName: groupNameOf(event.logGroupIdentifier ?? ''),
    logStreamName: event.logStreamName ?? '',
  };
}
