import { describe, expect, it } from 'vitest';
import { autoPeriod, explainPeriod, formatPeriod, isValidPeriod, periodServesTime, resolutionAt } from './metric-periods';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 30, 12);

describe('periods and tiers', () => {
  it.each([
    [1, true],
    [5, true],
    [30, true],
    [60, true],
    [300, true],
    [86400, true],
    [0, false],
    [2, false],
    [45, false],
    [90, false],
    [1.5, false],
  ])('period %d valid: %s', (period, valid) => {
    expect(isValidPeriod(period)).toBe(valid);
  });

  it('keeps data at the resolution of its age', () => {
    expect(resolutionAt(NOW - 2 * HOUR, NOW)).toBe(1);
    expect(resolutionAt(NOW - 4 * HOUR, NOW)).toBe(60);
    expect(resolutionAt(NOW - 15 * DAY, NOW)).toBe(60);
    expect(resolutionAt(NOW - 16 * DAY, NOW)).toBe(300);
    expect(resolutionAt(NOW - 64 * DAY, NOW)).toBe(3600);
    expect(resolutionAt(NOW - 456 * DAY, NOW)).toBeUndefined();
    expect(periodServesTime(60, NOW - 20 * DAY, NOW)).toBe(false);
    expect(periodServesTime(600, NOW - 20 * DAY, NOW)).toBe(true);
  });

  it('picks the finest period that fits the tier and the datapoint budget', () => {
    expect(autoPeriod({ startMs: NOW - 3 * HOUR, endMs: NOW, nowMs: NOW })).toBe(60);
    expect(autoPeriod({ startMs: NOW - HOUR, endMs: NOW, nowMs: NOW, highResolution: true })).toBe(5);
    // One day at 1 minute is exactly 1,440 points.
    expect(autoPeriod({ startMs: NOW - DAY, endMs: NOW, nowMs: NOW })).toBe(60);
    expect(autoPeriod({ startMs: NOW - 7 * DAY, endMs: NOW, nowMs: NOW })).toBe(600);
    // 30 days back is in the 5-minute tier; 30 days / 1,440 = 30 minutes.
    expect(autoPeriod({ startMs: NOW - 30 * DAY, endMs: NOW, nowMs: NOW })).toBe(1800);
    // 15 months back is in the 1-hour tier: 455 days / 1,440 = 7.6 h, so the next choice, 12 hours.
    expect(autoPeriod({ startMs: NOW - 455 * DAY, endMs: NOW, nowMs: NOW })).toBe(43200);
    // GetMetricData's bigger budget serves 15 months hourly.
    expect(autoPeriod({ startMs: NOW - 455 * DAY, endMs: NOW, nowMs: NOW, maxDatapoints: 100_800 })).toBe(3600);
    // Old but short ranges still need the tier's resolution.
    expect(autoPeriod({ startMs: NOW - 100 * DAY, endMs: NOW - 100 * DAY + HOUR, nowMs: NOW })).toBe(3600);
  });

  it('explains a period finer than the tier holding the range', () => {
    expect(explainPeriod(60, NOW - DAY, NOW, NOW)).toBeUndefined();
    expect(explainPeriod(60, NOW - 455 * DAY, NOW, NOW)).toMatch(/older than 63 days is kept only at 1 hour resolution, so a 1 minute period/);
    expect(explainPeriod(1, NOW - 5 * HOUR, NOW, NOW)).toMatch(/older than 3 hours is kept only at 1 minute resolution/);
    expect(explainPeriod(45, NOW - HOUR, NOW, NOW)).toMatch(/multiple of 60/);
  });

  it('names periods', () => {
    expect(formatPeriod(1)).toBe('1 second');
    expect(formatPeriod(300)).toBe('5 minutes');
    expect(formatPeriod(3600)).toBe('1 hour');
    expect(formatPeriod(90)).toBe('90 seconds');
    expect(formatPeriod(7 * 86400)).toBe('7 days');
  });
});
