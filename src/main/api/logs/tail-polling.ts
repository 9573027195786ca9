/**
 * A live tail where the endpoint has no StartLiveTail (LocalStack, older sandboxes): FilterLogEvents
 * every second from a little before the newest event seen, dropping what was delivered already. Events
 * ingested before the tail started are not shown, as Live Tail would not show them either.
 */
import type { FoundEvent, TailUpdate } from '../../../shared/contract';
import { sleep } from '../sleep';
import { SeenEvents } from './seen-events';

export const POLL_INTERVAL_MS = 1000;
/** Each poll reads again this far back: events arrive a little after they happen. */
export const POLL_OVERLAP_MS = 5000;
/** AWS's clock and ours may differ a little; events ingested this long before the start still count as new. */
const CLOCK_ALLOWANCE_MS = 2000;

export interface PollingOptions {
  /** Every event (oldest first) with a timestamp from `startTime` on, across the tailed groups. */
  readonly fetchSince: (startTime: number, signal: AbortSignal) => Promise<FoundEvent[]>;
  readonly startedAt: number;
  readonly signal: AbortSignal;
  readonly now?: () => number;
}

export async function* pollingTailUpdates(options: PollingOptions): AsyncGenerator<TailUpdate> {
  const now = options.now ?? Date.now;
  const seen = new SeenEvents();
  const oldestIngestion = options.startedAt - CLOCK_ALLOWANCE_MS;
  let since = options.startedAt;
  for (;;) {
    const began = now();
    const events = await options.fetchSince(since - POLL_OVERLAP_MS, options.signal);
    const fresh = seen.fresh(events.filter((event) => event.ingestionTime >= oldestIngestion));
    // An event stamped in the future (a producer's clock) must not make the next polls skip the present.
    for (const event of fresh) since = Math.max(since, Math.min(event.timestamp, began));
    seen.forgetBefore(since - POLL_OVERLAP_MS - 60_000);
    if (fresh.length > 0) yield { type: 'events', events: fresh, sampled: false };
    await sleep(Math.max(0, POLL_INTERVAL_MS - (now() - began)), options.signal);
  }
}
