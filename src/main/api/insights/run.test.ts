import { describe, expect, it } from 'vitest';
import { MAX_POLL_MS, pollDelay, querySeconds } from './run';

describe('pollDelay', () => {
  it('starts soon and grows to a ceiling', () => {
    const delays = Array.from({ length: 12 }, (_, poll) => pollDelay(poll));
    expect(delays[0]).toBe(250);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    expect(delays.at(-1)).toBe(MAX_POLL_MS);
  });
});

describe('querySeconds', () => {
  it('turns a millisecond range into the whole seconds StartQuery takes', () => {
    expect(querySeconds({ startTime: 1_700_000_000_999, endTime: 1_700_000_100_500 })).toEqual({ startTime: 1_700_000_000, endTime: 1_700_000_100 });
  });
});
