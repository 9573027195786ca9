import { describe, expect, it } from 'vitest';
import { compareValues, formatResult, formatTimestamp, isTrue, sortOrder, toNumber } from './values';

describe('values', () => {
  it('reads numeric text as numbers, and nothing else', () => {
    expect(toNumber(' 42 ')).toBe(42);
    expect(toNumber('-1.5e3')).toBe(-1500);
    expect(toNumber('42ms')).toBeUndefined();
    expect(toNumber('')).toBeUndefined();
    expect(toNumber(undefined)).toBeUndefined();
  });

  it('compares as numbers when both sides are numeric, else as text; missing values compare with nothing', () => {
    expect(compareValues('503', 500)).toBeGreaterThan(0);
    expect(compareValues('10', '9')).toBeGreaterThan(0);
    expect(compareValues('b', 'a10')).toBeGreaterThan(0);
    expect(compareValues(undefined, 1)).toBeUndefined();
    expect(compareValues(null, null)).toBeUndefined();
  });

  it('sorts missing values after present ones', () => {
    expect([3, undefined, 1].sort(sortOrder)).toEqual([1, 3, undefined]);
  });

  it('sorts naturally, as the sort command’s documentation shows by example', () => {
    const documented = ['!:', '#', '*%04', '0#', '5A', '111A', '2345_', '@', '@_', 'A', 'A9876fghj', 'a12345hfh', '0', '01', '1', '2', '3'];
    const shuffled = [...documented].sort((a, b) => (a.split('').reverse().join('') < b.split('').reverse().join('') ? -1 : 1));
    expect(shuffled).not.toEqual(documented);
    expect(shuffled.sort(sortOrder)).toEqual(documented);
    expect([10, '9', 'b', 2.5].sort(sortOrder)).toEqual(['b', 2.5, '9', 10]);
  });

  it('takes conditions as AWS does: booleans, non-zero numbers, non-empty text', () => {
    expect([true, false, 1, 0, 'x', '', undefined, null].map(isTrue)).toEqual([true, false, true, false, true, false, false, false]);
  });

  it('shows timestamps as AWS does and every value as text', () => {
    expect(formatTimestamp(Date.UTC(2025, 0, 15, 12, 3, 4, 5))).toBe('2025-01-15 12:03:04.005');
    expect(formatResult(1736942400000, 'timestamp')).toBe('2025-01-15 12:00:00.000');
    expect(formatResult(1.25, 'other')).toBe('1.25');
    expect(formatResult(true, undefined)).toBe('true');
    expect(formatResult(null, undefined)).toBe('null');
    expect(formatResult(undefined, undefined)).toBeUndefined();
  });
});
