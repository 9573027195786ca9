import { describe, expect, it } from 'vitest';
import { computeStatistic, formatStatistic, parseStatistic, SortedSample, type Statistic } from './metric-statistics';

function stat(text: string): Statistic {
  const parsed = parseStatistic(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.statistic;
}

const ONE_TO_TEN = SortedSample.of([7, 3, 10, 1, 5, 2, 9, 4, 8, 6]);

describe('parseStatistic', () => {
  it.each([
    ['Average', 'Average'],
    ['p99', 'p99'],
    ['p99.9', 'p99.9'],
    ['p0', 'p0'],
    ['p100', 'p100'],
    ['tm90', 'TM(:90%)'],
    ['TM(10%:90%)', 'TM(10%:90%)'],
    ['TM(150:1000)', 'TM(150:1000)'],
    ['wm98', 'WM(:98%)'],
    ['TC(:90%)', 'TC(:90%)'],
    ['ts99', 'TS(:99%)'],
    ['PR(:300)', 'PR(:300)'],
    ['PR(100:2000)', 'PR(100:2000)'],
    ['IQM', 'TM(25%:75%)'],
  ])('reads %s', (text, canonical) => {
    expect(formatStatistic(stat(text))).toBe(canonical);
  });

  it.each([
    ['average', 'case-sensitive'],
    ['p101', 'between 0 and 100'],
    ['p99.12345678901', 'between 0 and 100'],
    ['TM(90%:10%)', 'lower bound must be below'],
    ['TM(10%:900)', 'both values'],
    ['TM(:)', 'at least one bound'],
    ['PR(10%:20%)', 'not percentages'],
    ['pr90', 'parentheses'],
    ['Median', 'is not a statistic'],
    ['', 'empty'],
  ])('refuses %s', (text, reason) => {
    const parsed = parseStatistic(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });
});

describe('computeStatistic over 1..10', () => {
  it.each([
    ['SampleCount', 10],
    ['Sum', 55],
    ['Average', 5.5],
    ['Minimum', 1],
    ['Maximum', 10],
    ['p50', 5],
    ['p90', 9],
    ['p95', 10],
    ['p0', 1],
    ['p100', 10],
    // tm90 removes the highest 10%: mean of 1..9.
    ['tm90', 5],
    // TM(10%:90%) removes 1 and 10.
    ['TM(10%:90%)', 5.5],
    // TM(3:8): values > 3 and <= 8.
    ['TM(3:8)', 6],
    ['IQM', 5.5],
    ['TC(10%:90%)', 8],
    ['TS(10%:90%)', 44],
    // wm90: 10 counts as 9.
    ['wm90', 5.4],
    // WM(10%:90%): 1 counts as 2 and 10 as 9.
    ['WM(10%:90%)', 5.5],
    // PR(:3): 3 of 10 values are <= 3; PR(3:8) = 5 of 10.
    ['PR(:3)', 30],
    ['PR(3:8)', 50],
  ])('%s = %d', (text, expected) => {
    expect(computeStatistic(stat(text), ONE_TO_TEN)).toBeCloseTo(expected, 10);
  });

  it('weights values by their counts', () => {
    // 1 occurs 8 times, 100 twice: p80 is 1, p81 is 100, the average 20.8.
    const sample = SortedSample.of([100, 1], [2, 8]);
    expect(computeStatistic(stat('p80'), sample)).toBe(1);
    expect(computeStatistic(stat('p81'), sample)).toBe(100);
    expect(computeStatistic(stat('Average'), sample)).toBeCloseTo(20.8);
    expect(computeStatistic(stat('SampleCount'), sample)).toBe(10);
  });

  it('has no value for an empty period or a trimmed range that keeps nothing', () => {
    expect(computeStatistic(stat('p99'), SortedSample.of([]))).toBeUndefined();
    expect(computeStatistic(stat('TM(100:200)'), ONE_TO_TEN)).toBeUndefined();
    expect(computeStatistic(stat('TC(100:200)'), ONE_TO_TEN)).toBe(0);
  });
});
