import { describe, expect, it } from 'vitest';
import { ceilToPeriod, floorToPeriod } from './time-periods';

const at = (text: string): number => Date.parse(text);

describe('time periods', () => {
  it('rounds fixed periods from the epoch', () => {
    expect(floorToPeriod(at('2025-01-15T12:07:31.250Z'), { amount: 5, unit: 'm' })).toBe(at('2025-01-15T12:05:00Z'));
    expect(floorToPeriod(at('2025-01-15T12:07:31.250Z'), { amount: 100, unit: 'ms' })).toBe(at('2025-01-15T12:07:31.200Z'));
    expect(floorToPeriod(at('2025-01-15T12:07:31Z'), { amount: 1, unit: 'd' })).toBe(at('2025-01-15T00:00:00Z'));
    expect(ceilToPeriod(at('2025-01-15T12:07:31Z'), { amount: 1, unit: 'h' })).toBe(at('2025-01-15T13:00:00Z'));
    expect(ceilToPeriod(at('2025-01-15T12:00:00Z'), { amount: 1, unit: 'h' })).toBe(at('2025-01-15T12:00:00Z'));
  });

  it('rounds months, quarters and years on the calendar', () => {
    expect(floorToPeriod(at('2025-05-20T08:00:00Z'), { amount: 1, unit: 'mo' })).toBe(at('2025-05-01T00:00:00Z'));
    expect(floorToPeriod(at('2025-05-20T08:00:00Z'), { amount: 1, unit: 'q' })).toBe(at('2025-04-01T00:00:00Z'));
    expect(floorToPeriod(at('2025-05-20T08:00:00Z'), { amount: 1, unit: 'y' })).toBe(at('2025-01-01T00:00:00Z'));
    expect(ceilToPeriod(at('2025-12-20T08:00:00Z'), { amount: 1, unit: 'mo' })).toBe(at('2026-01-01T00:00:00Z'));
  });
});
