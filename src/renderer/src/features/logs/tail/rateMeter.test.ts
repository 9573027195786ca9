import { describe, expect, it } from 'vitest';
import { formatRate, NEXT_BATCH_GRACE_MS, RateMeter, RATE_WINDOW_MS } from './rateMeter';

describe('RateMeter', () => {
  it('is zero before anything arrives', () => {
    const meter = new RateMeter(0);
    expect(meter.perSecond(0)).toBe(0);
    expect(meter.perSecond(3000)).toBe(0);
  });

  it('measures a steady stream of one batch a second exactly, whatever the moment it is asked', () => {
    const meter = new RateMeter(0);
    for (let second = 1; second <= 20; second++) {
      meter.add(120, second * 1000);
      for (const after of [0, 250, 500, 999, 1400]) expect(meter.perSecond(second * 1000 + after)).toBeCloseTo(120, 6);
    }
  });

  it('averages a young tail over its own age, not over the whole window', () => {
    const meter = new RateMeter(10_000);
    meter.add(50, 11_000);
    expect(meter.perSecond(11_000)).toBeCloseTo(50, 6);
    meter.add(150, 12_000);
    expect(meter.perSecond(12_000)).toBeCloseTo(100, 6);
  });

  it('follows a change of pace within the window', () => {
    const meter = new RateMeter(0);
    for (let second = 1; second <= 10; second++) meter.add(100, second * 1000);
    for (let second = 11; second <= 12; second++) meter.add(600, second * 1000);
    // The last 5 s: three seconds at 100, two at 600.
    expect(meter.perSecond(12_000)).toBeCloseTo((3 * 100 + 2 * 600) / 5, 6);
    for (let second = 13; second <= 20; second++) meter.add(600, second * 1000);
    expect(meter.perSecond(20_000)).toBeCloseTo(600, 6);
  });

  it('falls to zero once batches stop coming', () => {
    const meter = new RateMeter(0);
    for (let second = 1; second <= 10; second++) meter.add(100, second * 1000);
    // Not late yet: the rate holds.
    expect(meter.perSecond(10_000 + NEXT_BATCH_GRACE_MS)).toBeCloseTo(100, 6);
    // Late: the quiet time counts.
    expect(meter.perSecond(12_000)).toBeCloseTo((3 * 100) / 5, 6);
    expect(meter.perSecond(10_000 + RATE_WINDOW_MS)).toBe(0);
    expect(meter.perSecond(60_000)).toBe(0);
  });

  it('spreads a batch after a long silence over that silence', () => {
    const meter = new RateMeter(0);
    meter.add(60, 60_000);
    // 60 events in a minute: one a second, not 60.
    expect(meter.perSecond(60_000)).toBeCloseTo(1, 6);
  });

  it('counts batches that arrive in the same millisecond', () => {
    const meter = new RateMeter(0);
    meter.add(10, 1000);
    meter.add(20, 1000);
    expect(meter.perSecond(1000)).toBeCloseTo(30, 6);
  });

  it('takes a clock that steps back as the present', () => {
    const meter = new RateMeter(0);
    meter.add(100, 2000);
    meter.add(100, 1500);
    expect(meter.perSecond(2000)).toBeCloseTo(100, 6);
  });
});

describe('formatRate', () => {
  it('shows slow rates with a decimal and fast ones whole', () => {
    expect(formatRate(0)).toBe('0 events/s');
    expect(formatRate(0.04)).toBe('0 events/s');
    expect(formatRate(0.44)).toBe('0.4 events/s');
    expect(formatRate(9.94)).toBe('9.9 events/s');
    expect(formatRate(9.96)).toBe('10 events/s');
    expect(formatRate(2400.4)).toBe('2,400 events/s');
  });
});
