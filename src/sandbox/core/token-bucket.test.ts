import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a burst of `capacity`, then refills at the rate', () => {
    let now = 1_000_000;
    const bucket = new TokenBucket(5, 5, () => now);
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now += 199; // 0.995 tokens
    expect(bucket.tryTake()).toBe(false);
    now += 1; // one token
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    now += 10_000; // refills to capacity, not beyond
    for (let i = 0; i < 5; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('sustains exactly its rate over time', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 10, () => now);
    let granted = 0;
    for (let ms = 0; ms <= 10_000; ms += 10) {
      now = ms;
      if (bucket.tryTake()) granted++;
    }
    // 10 at start + 10 per second for 10 seconds.
    expect(granted).toBe(110);
  });
});
