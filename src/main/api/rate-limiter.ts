/**
 * A client-side pace for one AWS operation in one scope (account + region), shared by every call that
 * uses it: searches, downloads and tails all draw on the same quota, as AWS meters it.
 *
 * It starts at AWS's documented default quota and adapts, as TCP does: until the first throttle, each
 * success while requests queue raises the rate by a few percent (an account whose quota was raised, or
 * an endpoint without quotas, is used fully within a second or two); a throttle lowers the rate and
 * remembers it as the ceiling; successes then raise the rate quickly back towards that ceiling and
 * probe past it slowly, so a quota shared with other tools is not hammered. Requests are spaced evenly
 * (no bursts), which is what a token bucket on the other side rewards.
 */
import { sleep } from './sleep';

export interface RateLimiterOptions {
  /** Requests per second to start at (AWS's default quota). */
  readonly initialRate: number;
  /** Never slower than this. */
  readonly minRate?: number;
  /** Never faster than this. */
  readonly maxRate?: number;
  /** Milliseconds since some epoch; default `performance.now`. */
  readonly now?: () => number;
  /** Waits; default `setTimeout`. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/**
 * How much a throttle slows the pace down. Gently: against a token bucket, a little too fast costs only
 * a retried call, a little too slow costs throughput.
 */
const DECREASE = 0.9;
/** Throttles this close together are one overload, answered once. */
const DECREASE_INTERVAL_MS = 500;
/** Before any throttle, each success adds this share of the rate (some 60% a second at 25/s). */
const SLOW_START = 0.02;
/** Below the ceiling, each success closes this share of the gap to it. */
const RECOVERY = 0.1;
/** At or above the ceiling, each success adds this share of the rate (some 8% a second at 25/s). */
const PROBE = 0.003;

export class AdaptiveRateLimiter {
  private currentRate: number;
  private ceiling: number | undefined;
  /** When the next request may go. */
  private nextSlot = Number.NEGATIVE_INFINITY;
  private lastDecrease = Number.NEGATIVE_INFINITY;
  /** The last time a request had to wait for its turn: only a pace that holds requests back is raised. */
  private lastWait = Number.NEGATIVE_INFINITY;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;

  constructor(options: RateLimiterOptions) {
    this.currentRate = options.initialRate;
    this.minRate = options.minRate ?? Math.min(0.5, options.initialRate);
    this.maxRate = options.maxRate ?? options.initialRate * 20;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? sleep;
  }

  /** Requests per second right now. */
  get rate(): number {
    return this.currentRate;
  }

  /** Waits for this request's turn; rejects (with the signal's reason) when the signal aborts first. */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.currentRate;
    if (slot > now) {
      this.lastWait = now;
      await this.sleep(slot - now, signal);
    }
  }

  succeeded(): void {
    if (this.now() - this.lastWait > 1000) return;
    const rate = this.currentRate;
    const ceiling = this.ceiling;
    let step: number;
    if (ceiling === undefined) step = rate * SLOW_START;
    else if (rate < ceiling) step = Math.max((ceiling - rate) * RECOVERY, rate * PROBE);
    else step = rate * PROBE;
    this.currentRate = Math.min(this.maxRate, rate + step);
  }

  throttled(): void {
    const now = this.now();
    if (now - this.lastDecrease < DECREASE_INTERVAL_MS) return;
    this.lastDecrease = now;
    this.ceiling = this.currentRate;
    this.currentRate = Math.max(this.minRate, this.currentRate * DECREASE);
    // Calls already spaced at the old pace start over at the new one.
    this.nextSlot = Math.max(this.nextSlot, now + 1000 / this.currentRate);
  }
}
