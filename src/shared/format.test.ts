import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatCount,
  formatLogGroupClass,
  formatRetention,
  formatTimestamp,
  plural,
} from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024, '10 KB'],
    [10.6 * 1024, '11 KB'],
    [1024 ** 2, '1 MB'],
    [1.2 * 1024 ** 3, '1.2 GB'],
    [999.9 * 1024 ** 3, '1000 GB'],
    [1023.7 * 1024 ** 3, '1 TB'],
    [3 * 1024 ** 5, '3 PB'],
    [5000 * 1024 ** 5, '5000 PB'],
  ])('%d bytes → %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it('refuses nonsense instead of printing NaN', () => {
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('formatRetention', () => {
  it.each([
    [null, 'Never expire'],
    [1, '1 day'],
    [30, '30 days'],
    [400, '400 days'],
    [365, '1 year'],
    [731, '2 years'],
    [1827, '5 years'],
    [3653, '10 years'],
  ])('%s → %s', (days, expected) => {
    expect(formatRetention(days)).toBe(expected);
  });
});

describe('formatLogGroupClass', () => {
  it.each([
    ['STANDARD', 'Standard'],
    ['INFREQUENT_ACCESS', 'Infrequent access'],
    ['DELIVERY', 'Delivery'],
    ['SOME_NEW_CLASS', 'Some new class'],
  ])('%s → %s', (logGroupClass, expected) => {
    expect(formatLogGroupClass(logGroupClass)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  const at = Date.UTC(2023, 10, 4, 7, 3, 9, 45);

  it('formats UTC at every precision', () => {
    expect(formatTimestamp(at, 'utc')).toBe('2023-11-04 07:03:09.045');
    expect(formatTimestamp(at, 'utc', 'second')).toBe('2023-11-04 07:03:09');
    expect(formatTimestamp(at, 'utc', 'minute')).toBe('2023-11-04 07:03');
    expect(formatTimestamp(at, 'utc', 'date')).toBe('2023-11-04');
  });

  it('formats local time with the machine offset', () => {
    const local = new Date(at);
    const expected =
      `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')} ` +
      `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`;
    expect(formatTimestamp(at, 'local', 'minute')).toBe(expected);
  });

  it('does not print "NaN" for a missing time', () => {
    expect(formatTimestamp(Number.NaN, 'utc')).toBe('—');
  });
});

describe('formatAge', () => {
  const now = Date.UTC(2024, 0, 10, 12, 0, 0);
  it.each([
    [now + 60_000, 'just now'],
    [now - 2_000, 'just now'],
    [now - 42_000, '42 s ago'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 47 * 3_600_000, '47 h ago'],
    [now - 12 * 86_400_000, '12 d ago'],
    [now - 800 * 86_400_000, '2 y ago'],
  ])('%d → %s', (then, expected) => {
    expect(formatAge(then, now)).toBe(expected);
  });
});

describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1250)).toBe('1,250');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('pluralises', () => {
    expect(plural(1, 'log group')).toBe('1 log group');
    expect(plural(0, 'log group')).toBe('0 log groups');
    expect(plural(10_000, 'log group')).toBe('10,000 log groups');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
  });
});
