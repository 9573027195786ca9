import { describe, expect, it } from 'vitest';
import { AdaptiveRateLimiter } from './rate-limiter';

/** A limiter on a fake clock: waiting moves the clock. */
function fakeLimiter(initialRate: number) {
  let now = 0;
  const waits: number[] = [];
  const limiter = new AdaptiveRateLimiter({
    initialRate,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  return { limiter, waits, advance: (ms: number) => (now += ms), time: () => now };
}

describe('AdaptiveRateLimiter', () => {
  it('spaces requests evenly at the starting rate, without a burst', async () => {
    const { limiter, time } = fakeLimiter(10);
    for (let index = 0; index < 21; index++) await limiter.acquire();
    expect(time()).toBe(2000);
  });

  it('slows down on throttling, once per overload, and recovers towards the rate it was throttled at, then probes slowly', async () => {
    const { limiter } = fakeLimiter(10);
    await limiter.acquire();
    await limiter.acquire();
    limiter.throttled();
    limiter.throttled(); // the same overload
    expect(limiter.rate).toBeCloseTo(9);
    for (let index = 0; index < 30; index++) {
      await limiter.acquire();
      limiter.succeeded();
    }
    expect(limiter.rate).toBeGreaterThan(9.9);
    expect(limiter.rate).toBeLessThan(11);
  });

  it('speeds up fast while nothing was throttled, but only while it holds requests back', async () => {
    const busy = fakeLimiter(10);
    for (let index = 0; index < 100; index++) {
      await busy.limiter.acquire();
      busy.limiter.succeeded();
    }
    expect(busy.limiter.rate).toBeGreaterThan(50);

    const idle = fakeLimiter(10);
    for (let index = 0; index < 100; index++) {
      idle.advance(2000);
      await idle.limiter.acquire();
      idle.limiter.succeeded();
    }
    expect(idle.limiter.rate).toBe(10);
  });

  it('never goes below its minimum however often it is throttled', async () => {
    const { limiter, advance } = fakeLimiter(5);
    for (let index = 0; index < 50; index++) {
      advance(10_000);
      limiter.throttled();
    }
    expect(limiter.rate).toBe(0.5);
  });

  it('gives up waiting when the call is cancelled', async () => {
    const limiter = new AdaptiveRateLimiter({ initialRate: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
