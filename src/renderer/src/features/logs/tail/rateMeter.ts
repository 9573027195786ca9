/**
 * Events per second over the last few seconds of a tail. Events arrive in batches (Live Tail sends one
 * a second, polling fetches one a second), so counting batches in a fixed window would swing by a
 * whole batch as one enters or leaves it. Instead each batch stands for a steady flow over the time
 * since the batch before it, and the rate is that flow averaged over the window: exact for a steady
 * stream, and falling to zero when batches stop coming.
 */

/** The rate covers this much of the recent past. */
export const RATE_WINDOW_MS = 5000;
/**
 * Batches come about a second apart; until this long after the last one, the window ends at that
 * batch (the next is not late yet), after it at the present (the flow has slowed or stopped).
 */
export const NEXT_BATCH_GRACE_MS = 1500;

interface Interval {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export class RateMeter {
  private intervals: Interval[] = [];
  private last: number;

  /** `startedAt`: when the tail began listening; the first batch's flow starts there. */
  constructor(
    private readonly startedAt: number,
    private readonly windowMs = RATE_WINDOW_MS,
  ) {
    this.last = startedAt;
  }

  /** `count` events arrived at `now`. */
  add(count: number, now: number): void {
    const at = Math.max(now, this.last);
    if (count > 0) this.intervals.push({ from: this.last, to: at, count });
    this.last = at;
    const forgetBefore = at - this.windowMs - NEXT_BATCH_GRACE_MS;
    let stale = 0;
    while (stale < this.intervals.length && this.intervals[stale]!.to < forgetBefore) stale++;
    if (stale > 0) this.intervals.splice(0, stale);
  }

  /** Events per second around `now`. */
  perSecond(now: number): number {
    const end = now - this.last <= NEXT_BATCH_GRACE_MS ? this.last : now;
    // A tail younger than the window is averaged over its own age.
    const start = Math.max(end - this.windowMs, this.startedAt);
    if (end <= start) return 0;
    let events = 0;
    for (const { from, to, count } of this.intervals) {
      if (to === from) {
        if (to > start && to <= end) events += count;
        continue;
      }
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > 0) events += (count * overlap) / (to - from);
    }
    return (events * 1000) / (end - start);
  }
}

/** "0 events/s", "0.4 events/s", "12 events/s", "2,400 events/s". */
export function formatRate(perSecond: number): string {
  const rounded = perSecond >= 9.95 ? Math.round(perSecond).toLocaleString('en-US') : perSecond < 0.05 ? '0' : perSecond.toFixed(1);
  return `${rounded} events/s`;
}
