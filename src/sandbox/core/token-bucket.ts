/**
 * A token bucket: holds up to `capacity` tokens, refills at `ratePerSecond`, and each request takes one.
 * Time comes from an injected clock (epoch ms) so tests need not sleep. Tokens are counted in
 * thousandths so that integer rates refill exactly, without floating-point drift.
 */
const UNIT = 1000;

export class TokenBucket {
  private milliTokens: number;
  private updatedAt: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly clock: () => number,
  ) {
    this.milliTokens = capacity * UNIT;
    this.updatedAt = clock();
  }

  /** Takes a token if one is available. */
  tryTake(): boolean {
    this.refill();
    if (this.milliTokens < UNIT) return false;
    this.milliTokens -= UNIT;
    return true;
  }

  private refill(): void {
    const now = this.clock();
    const elapsedMs = Math.max(0, now - this.updatedAt);
    // elapsedMs * ratePerSecond / 1000 tokens = elapsedMs * ratePerSecond milli-tokens.
    this.milliTokens = Math.min(this.capacity * UNIT, this.milliTokens + elapsedMs * this.ratePerSecond);
    this.updatedAt = now;
  }
}
