/**
 * A client-side pace for one AWS operation in one scope (account + region), shared by every call that
 * uses it: searches, downloads and tails all draw on the same quota, as AWS meters it.
 *
 * It starts at AWS's documented default quota and adapts (additive increase, multiplicative decrease):
 * a throttled call lowers the rate and remembers it as the ceiling; successes raise the rate quickly
 * back towards that ceiling, then probe past it slowly, so an account whose quota was raised is used
 * fully and one that shares its quota with other tools is not hammered. Requests are spaced evenly
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

/** How much a throttle slows the pace down. */
const DECREASE = 0.8;
/** Below the ceiling, each success closes this share of the gap to it. */
const RECOVERY = 0.1;
/** At or above the ceiling (or with none yet), each success adds this share of the rate (some 8% a second at 25/s). */
const PROBE = 0.003;

export class AdaptiveRateLimiter {
  private currentRate: number;
  private ceiling: number | undefined;
  /** When the next request may go. */
  private nextSlot = Number.NEGATIVE_INFINITY;
  /** Throttles within one interval of the last are one overload, answered once. */
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
    const ceiling = this.ceiling;
    const step = ceiling !== undefined && this.currentRate < ceiling ? (ceiling - this.currentRate) * RECOVERY : this.currentRate * PROBE;
    this.currentRate = Math.min(this.maxRate, this.currentRate + Math.max(step, this.currentRate * PROBE));
  }

  throttled(): void {
    const now = this.now();
    if (now - this.lastDecrease < 1000 / this.currentRate) return;
    this.lastDecrease = now;
    this.ceiling = this.currentRate;
    this.currentRate = Math.max(this.minRate, this.currentRate * DECREASE);
    // Calls already spaced at the old pace start over at the new one.
    this.nextSlot = Math.max(this.nextSlot, now + 1000 / this.currentRate);
  }
}
